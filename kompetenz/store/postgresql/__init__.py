"""A school's PostgreSQL server as the store's database (KOMPETENZ_DATABASE_URL): the
connection and its German error messages (`connection`), and the engine's backend (`backend`).
The app never creates or migrates the schema on a server; `kompetenz school init-server`
(kompetenz/school/server.py) does."""
