from .views import TEXT_SIZE_COOKIE, TEXT_SIZES


def reading_preferences(request):
    """The reader's chosen text size (set without JavaScript by /co-chu/<size>/)."""
    size = request.COOKIES.get(TEXT_SIZE_COOKIE)
    return {"text_size": size if size in TEXT_SIZES else "vua"}
