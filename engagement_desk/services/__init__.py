"""Use cases. Each public function is one unit of work: plain arguments in, plain data out."""
