"""The views layer: the one view model every surface prints (`result_view.ResultView`, made
by `assess.assess` from answers), the question and evidence catalogue, and share links."""
