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
