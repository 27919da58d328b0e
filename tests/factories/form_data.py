"""Valid submissions of the public forms, shared by the feature tests and the attack suite."""

# CAPTCHA_TEST_MODE (test settings) accepts the answer "PASSED" whatever the key.
CAPTCHA_OK = {"captcha_0": "khoa", "captcha_1": "PASSED"}

QUESTION = {
    "asker_name": "Nguyễn Thị Lan",
    "email": "lan@example.vn",
    "phone": "0912 345 678",
    "commune": "Phường Ba Đình",
    "topic": "bhyt",
    "title": "Thẻ BHYT hộ gia đình gia hạn ở đâu?",
    "body": "Thẻ BHYT của gia đình tôi sắp hết hạn, tôi gia hạn ở đâu?",
    "website": "",
    **CAPTCHA_OK,
}

CONTACT = {
    "name": "Trần Văn Minh",
    "email": "minh@example.vn",
    "phone": "",
    "subject": "Hỏi về sổ BHXH",
    "message": "Tôi muốn hỏi về việc cấp lại sổ BHXH.",
    "website": "",
    **CAPTCHA_OK,
}
COMMENT = {"name": "Võ Văn Tài", "email": "tai@example.vn", "body": "Đề nghị bổ sung giờ tiếp dân.", "website": ""}
COMMENT.update(CAPTCHA_OK)
HEALTH_CARD = {
    "card_number": "GD4010123456789",
    "full_name": "Nguyễn Văn An",
    "birth_date": "01/02/1980",
    "website": "",
}

# The admin's news article form (Draftail body, no royalty lines or comments); add the category's pk.
NEWS_FORM = {
    "title": "Tin do phóng viên soạn",
    "slug": "tin-phong-vien",
    "category": "",
    "summary": "Tóm tắt",
    "body": '{"blocks":[{"key":"a","text":"Nội dung","type":"unstyled","depth":0,"inlineStyleRanges":[],'
    '"entityRanges":[]}],"entityMap":{}}',
    "author": "Phóng viên A",
    "source": "",
    "event_end_date": "",
    "featured_image_alt": "",
    "tags": "",
    "royalty_contributions-TOTAL_FORMS": "0",
    "royalty_contributions-INITIAL_FORMS": "0",
    "royalty_contributions-MIN_NUM_FORMS": "0",
    "royalty_contributions-MAX_NUM_FORMS": "1000",
    "comments-TOTAL_FORMS": "0",
    "comments-INITIAL_FORMS": "0",
    "comments-MIN_NUM_FORMS": "0",
    "comments-MAX_NUM_FORMS": "1000",
}
