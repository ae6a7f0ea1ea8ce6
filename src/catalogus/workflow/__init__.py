"""The editors' workflow around git: the pull-request report, monthly reminders per owner, CODEOWNERS, and
turning a fork into a new town.
"""
