/* Deep Learning in C# — the web book's script. Typesets the math Markdig left in .math elements with
   KaTeX and highlights code blocks with highlight.js, both loaded from assets/ (the book works offline). */
(function () {
  "use strict";

  // [opening, closing, display]: Markdig writes \( \) and \[ \]; text/latex outputs carry $ or $$.
  var delimiters = [["\\[", "\\]", true], ["\\(", "\\)", false], ["$$", "$$", true], ["$", "$", false]];

  function typeset(element) {
    var tex = element.textContent.trim();
    var display = element.tagName === "DIV";
    for (var i = 0; i < delimiters.length; i++) {
      var open = delimiters[i][0], close = delimiters[i][1];
      if (tex.length >= open.length + close.length && tex.startsWith(open) && tex.endsWith(close)) {
        tex = tex.slice(open.length, tex.length - close.length);
        display = delimiters[i][2];
        break;
      }
    }
    // Bad LaTeX shows in red with KaTeX's message instead of stopping the page.
    window.katex.render(tex, element, { displayMode: display, throwOnError: false });
  }

  if (window.katex) {
    document.querySelectorAll(".math").forEach(typeset);
  }

  if (window.hljs) {
    document.querySelectorAll("pre code[class*='language-']").forEach(function (code) {
      var language = /(?:^|\s)language-(\S+)/.exec(code.className);
      if (language && window.hljs.getLanguage(language[1])) window.hljs.highlightElement(code);
    });
  }
})();
