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
