"""The Textual application: screens hold state, widgets render what the engine computed."""
