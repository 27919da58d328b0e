// Draftail copies what was typed into the form's hidden input 250 ms after the last keystroke, so
// a form sent within that time sent the old value (an answer typed and saved at once arrived empty).
// Copy it at once when the form is sent, before the browser reads the form's fields.
document.addEventListener(
  "submit",
  (event) => {
    event.target.querySelectorAll("[data-draftail-input]").forEach((input) => {
      input.draftailEditor?.saveState();
    });
  },
  true,
);
