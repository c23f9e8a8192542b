-- GET /sequences/{sequence} looks members up by their variable region.
create index designed_member_variable on designed_member (variable);
