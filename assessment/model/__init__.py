"""The lowest layer: the records the rules and results are made of, and small helpers on
plain values (conditions, dates, phrases). It imports nothing from the other layers."""
