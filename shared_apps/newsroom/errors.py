"""The newsroom's one exception."""


class NewsroomError(Exception):
    """A refusal or a failure, in one Vietnamese line fit for a user or for the delivery matrix.

    `field` names the form input at fault, when there is one.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field
