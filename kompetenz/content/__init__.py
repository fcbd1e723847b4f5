"""Course content: modules read from plain files, validated, rendered. No Qt."""
