// "Alles kiezen" above a list of boxes to tick. Without this script the button
// "Alle getoonde overzichten …" does the same on the server.
document.querySelectorAll("form.choose-timesheets").forEach((form) => {
  const boxes = form.querySelectorAll("input.choose");
  const cell = form.querySelector("thead th");
  if (!boxes.length || !cell) return;
  const all = document.createElement("input");
  all.type = "checkbox";
  all.id = "choose-all";
  all.setAttribute("aria-label", cell.dataset.chooseAll || "Alles kiezen");
  all.addEventListener("change", () => boxes.forEach((box) => { box.checked = all.checked; }));
  boxes.forEach((box) => box.addEventListener("change", () => {
    all.checked = [...boxes].every((b) => b.checked);
  }));
  cell.replaceChildren(all);
});
