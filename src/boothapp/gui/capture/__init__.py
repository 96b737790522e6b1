"""The capture form: the keyboard-first screen where booth staff type visitors in."""
