// Keyboard navigation for Parallax's pages, a first-party file allowed by
// the Content-Security-Policy (script-src 'self'). Every page works
// without it.
//
//   j / k      next / previous item of the page's main list ([data-nav] > li)
//   o, Enter   open the selected item
//   /          focus the search box
//   g then h   home (the story list)
//   ?          show or hide the list of keys; Escape hides it
(function () {
  "use strict";

  var current = -1;
  var awaitingG = false;
  var gTimer = null;
  var help = null;

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-nav] > li"));
  }

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function select(i) {
    var list = items();
    if (list.length === 0) return;
    i = Math.max(0, Math.min(list.length - 1, i));
    if (current >= 0 && current < list.length) list[current].classList.remove("kb-current");
    current = i;
    var li = list[current];
    li.classList.add("kb-current");
    var link = li.querySelector("a[href]");
    if (link) link.focus({ preventScroll: true });
    li.scrollIntoView({ block: "nearest" });
  }

  function open() {
    var list = items();
    if (current < 0 || current >= list.length) return false;
    var link = list[current].querySelector("a[href]");
    if (!link) return false;
    window.location.assign(link.href);
    return true;
  }

  function toggleHelp(show) {
    if (!help) {
      help = document.createElement("div");
      help.className = "kb-help";
      help.setAttribute("role", "dialog");
      help.setAttribute("aria-label", "Keyboard shortcuts");
      var title = document.createElement("h2");
      title.textContent = "Keyboard shortcuts";
      help.appendChild(title);
      var dl = document.createElement("dl");
      [["j / k", "next / previous item"], ["o or Enter", "open the selected item"], ["/", "search"],
       ["g h", "home: the story list"], ["?", "show or hide this help"], ["Esc", "close"]].forEach(function (k) {
        var dt = document.createElement("dt");
        dt.textContent = k[0];
        var dd = document.createElement("dd");
        dd.textContent = k[1];
        dl.appendChild(dt);
        dl.appendChild(dd);
      });
      help.appendChild(dl);
      help.hidden = true;
      document.body.appendChild(help);
    }
    help.hidden = show === undefined ? !help.hidden : !show;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    var key = e.key;
    if (awaitingG) {
      awaitingG = false;
      clearTimeout(gTimer);
      if (key === "h") {
        e.preventDefault();
        window.location.assign("/");
        return;
      }
    }
    switch (key) {
      case "j":
        select(current + 1);
        break;
      case "k":
        select(current < 0 ? 0 : current - 1);
        break;
      case "o":
        if (!open()) return;
        break;
      case "Enter":
        // A focused link or button acts itself; this covers a selection
        // whose link lost the focus.
        if (document.activeElement && document.activeElement !== document.body) return;
        if (!open()) return;
        break;
      case "/":
        var box = document.querySelector("input[type=search][name=q]");
        if (!box) return;
        box.focus();
        box.select();
        break;
      case "g":
        awaitingG = true;
        gTimer = setTimeout(function () { awaitingG = false; }, 1500);
        break;
      case "?":
        toggleHelp();
        break;
      case "Escape":
        if (!help || help.hidden) return;
        toggleHelp(false);
        break;
      default:
        return;
    }
    e.preventDefault();
  });
})();
