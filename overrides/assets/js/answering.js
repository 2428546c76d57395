// Answering: each change of an answer asks Python for the new result at once, then saves
// the answers on this device as the person's own (a link's answers become theirs once they
// change one).
import { save } from "./saved.js";

export function answering(page) {
  const { form, say } = page;

  function changed() {
    page.hideUndo();
    const answers = page.answers();
    page.refresh(answers); // first: Python starts on the new answers while the page saves them
    if (page.viewingLink) {
      page.viewingLink = false;
      page.applicationId = "";
      page.showNotes([say("answers.now_own")]);
    }
    save(answers, page.applicationId);
    page.own = answers;
    if (!page.worker) page.updateFragment(answers);
  }

  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => event.preventDefault());
}
