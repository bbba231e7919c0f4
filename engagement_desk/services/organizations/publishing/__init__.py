"""Publishing: the club directory and upcoming public events as a static web page plus JSON.

Only what is public by decision goes out: organizations that agreed
(``may_publish``) and are active, their open opportunities, and public events
that have not ended. Contact details come from the organization record itself;
nothing is read from people (no contact persons, trainers or registrations).
"""

from engagement_desk.services.organizations.publishing.collect import (
    Publication,
    PublishedEvent,
    PublishedOpportunity,
    PublishedOrganization,
    collect_publication,
    safe_website,
)
from engagement_desk.services.organizations.publishing.site import (
    PublishResult,
    publish_site,
    render_index,
)

__all__ = [
    "Publication",
    "PublishResult",
    "PublishedEvent",
    "PublishedOpportunity",
    "PublishedOrganization",
    "collect_publication",
    "publish_site",
    "render_index",
    "safe_website",
]
