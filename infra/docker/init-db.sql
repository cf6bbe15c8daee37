-- Runs once, when the postgres container initialises an empty data volume
-- (mounted into /docker-entrypoint-initdb.d by docker-compose.yml).
-- Same roles/databases as infra/postgres.sh: one LOGIN role per service owning
-- a database of the same name, plus platform_test (CREATEDB) for tests.
\getenv dbpw PLATFORM_DB_PASSWORD
\if :{?dbpw}
\else
  \set dbpw 'platform-dev-db'
\endif

\c template1
CREATE EXTENSION IF NOT EXISTS pg_trgm;
\c postgres

CREATE ROLE identity   LOGIN PASSWORD :'dbpw';
CREATE ROLE projects   LOGIN PASSWORD :'dbpw';
CREATE ROLE approvals  LOGIN PASSWORD :'dbpw';
CREATE ROLE attraction LOGIN PASSWORD :'dbpw';
CREATE ROLE statistics LOGIN PASSWORD :'dbpw';
CREATE ROLE funding    LOGIN PASSWORD :'dbpw';
CREATE ROLE city       LOGIN PASSWORD :'dbpw';
CREATE ROLE platform_test LOGIN CREATEDB PASSWORD :'dbpw';

CREATE DATABASE identity   OWNER identity;
CREATE DATABASE projects   OWNER projects;
CREATE DATABASE approvals  OWNER approvals;
CREATE DATABASE attraction OWNER attraction;
CREATE DATABASE statistics OWNER statistics;
CREATE DATABASE funding    OWNER funding;
CREATE DATABASE city       OWNER city;
