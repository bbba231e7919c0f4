"""Staff logins on PostgreSQL: who is logged in, what the role allows, their administration."""
