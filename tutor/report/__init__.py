"""The teacher's class report: learners' progress read from files and folders, counted, and
printed as a table, CSV or JSON (`cnn-tutor report`)."""
