"""The show settings dialog: the show's details, roster, products and questions."""
