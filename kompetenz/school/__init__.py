"""The school's view (Qt-free): a shared PostgreSQL server for a whole staff, and the head
teacher's Art. 4 record built from completions only."""
