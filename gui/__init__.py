"""The Qt application.  Talks to ``annotation`` and ``storage``; holds no SQL."""
