"""Application services that join the course, the quiz engine and the progress store. No Qt."""
