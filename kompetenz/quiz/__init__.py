"""The quiz engine: Moodle's GIFT format read and written, graded as Moodle grades it. No Qt."""
