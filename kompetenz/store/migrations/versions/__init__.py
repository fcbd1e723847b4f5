"""One file per schema revision; the newest must match `database.HEAD_REVISION`."""
