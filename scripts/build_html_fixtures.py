"""Build the constructed HTML test pages: real report text inside real news-site layouts.

Each page wraps one SaudiNewsNet article (CC BY-NC-SA 4.0, see tests/fixtures/html/README)
in the furniture of a kind of Arabic news site — navigation, share bars, related-article
lists, newsletter boxes, comments, cookie banners, tag lists — so that extraction is
tested on what real pages carry around a story. The pages are named ``constructed__*`` and
``constructed.json`` records, for each, the title, how the body starts and ends, and the
boilerplate strings that must not reach the article text.

    python scripts/build_html_fixtures.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "html"
TOPIC_WORDS = ("سوريا", "السورية", "العراق", "اليمن", "الحوثي", "داعش", "حلب", "الموصل")

NAV = ["الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات", "اتصل بنا"]
SHARE = ["فيسبوك", "تويتر", "واتساب", "تلغرام", "طباعة"]
RELATED = [
    "الأمم المتحدة تحذر من تدهور الأوضاع الإنسانية",
    "وزراء الخارجية العرب يجتمعون في القاهرة الأسبوع المقبل",
    "ارتفاع أسعار النفط في الأسواق العالمية",
]
NEWSLETTER = "اشترك في نشرتنا البريدية ليصلك كل جديد إلى بريدك الإلكتروني"
COOKIE = "يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. موافق"
COPYRIGHT = "© 2015 جميع الحقوق محفوظة"
COMMENT = "أضف تعليقك"


def _article(shared: Path, source: str) -> dict[str, str]:
    """The first report of ``source`` about Syria, Iraq or Yemen of a reasonable size."""
    corpus = shared / "data" / "corpus" / "saudinewsnet"
    for archive in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for item in json.loads(zf.read(zf.namelist()[0])):
                content = item["content"]
                if (
                    item["source"] == source
                    and item["title"]
                    and 1200 < len(content) < 4000
                    and content.count("\n") >= 3
                    and any(w in content[:500] for w in TOPIC_WORDS)
                ):
                    item["author"] = " ".join(html.unescape(item["author"]).split())
                    return item
    raise SystemExit(f"no suitable article from {source}")


def _paragraphs(item: dict[str, str]) -> list[str]:
    return [" ".join(p.split()) for p in item["content"].split("\n") if p.strip()]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _ps(paragraphs: list[str], tag: str = "p") -> str:
    return "\n".join(f"<{tag}>{_e(p)}</{tag}>" for p in paragraphs)


def _list(items: list[str], cls: str) -> str:
    links = "".join(f'<li><a href="/a/{i}">{_e(t)}</a></li>' for i, t in enumerate(items))
    return f'<ul class="{cls}">{links}</ul>'


def wordpress(item: dict[str, str], paragraphs: list[str]) -> tuple[str, list[str]]:
    """A WordPress news theme: menu, breadcrumb, share bar, inline read-also, newsletter box,
    related posts, comment form, cookie banner."""
    middle = len(paragraphs) // 2
    read_also = f'<strong>اقرأ أيضاً:</strong> <a href="/x">{_e(RELATED[0])}</a>'
    body = (
        _ps(paragraphs[:middle])
        + f'\n<p class="read-also">{read_also}</p>\n'
        + _ps(paragraphs[middle:])
    )
    page = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{_e(item["title"])} | أخبار الشرق</title>
<meta property="og:site_name" content="أخبار الشرق">
<meta property="article:published_time" content="2015-07-21T10:15:00+03:00">
</head><body class="single-post">
<div id="cookie-notice" class="cookie-bar">{_e(COOKIE)}</div>
<header class="site-header"><nav class="main-menu">{_list(NAV, "menu")}</nav></header>
<div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/politics">سياسة</a></div>
<main><article class="post">
<h1 class="entry-title">{_e(item["title"])}</h1>
<div class="entry-meta"><span class="author vcard">{_e(item["author"])}</span>
<time datetime="2015-07-21">21 يوليو 2015</time></div>
<div class="share-bar">{"".join(f"<a href='#'>{s}</a>" for s in SHARE)}</div>
<div class="entry-content">
{body}
</div>
<div class="newsletter-box"><h3>النشرة البريدية</h3><p>{_e(NEWSLETTER)}</p>
<form><input type="email" placeholder="بريدك الإلكتروني"><button>اشترك</button></form></div>
<div class="tags">الوسوم: <a href="/t/1">سوريا</a> <a href="/t/2">سياسة</a></div>
</article>
<section class="related-posts"><h3>مقالات ذات صلة</h3>{_list(RELATED, "related")}</section>
<section id="comments"><h3>{COMMENT}</h3><form><textarea></textarea></form></section>
</main>
<footer><p>{_e(COPYRIGHT)}</p>{_list(NAV[-3:], "footer-menu")}</footer>
</body></html>"""
    return page, [COOKIE, NEWSLETTER, RELATED[0], RELATED[1], COMMENT, "الوسوم", COPYRIGHT]


def portal(item: dict[str, str], paragraphs: list[str]) -> tuple[str, list[str]]:
    """A large news portal: breaking-news ticker, most-read sidebar, keywords, footer."""
    ticker = "عاجل: انقطاع التيار الكهربائي عن عدة أحياء في العاصمة"
    most_read = ["الأكثر قراءة", *RELATED]
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_e(item["title"])}</title></head><body>
<div class="ticker"><span>{_e(ticker)}</span></div>
<div class="top-nav">{_list(NAV, "nav")}</div>
<div class="container"><div class="col-main">
<div class="article-header"><h1>{_e(item["title"])}</h1>
<div class="byline">{_e(item["author"])}</div>
<div class="date">نشر في: الثلاثاء 21 يوليو 2015</div></div>
<div class="article-body" itemprop="articleBody">
{_ps(paragraphs)}
</div>
<div class="keywords">الكلمات المفتاحية: سوريا، العراق، اليمن</div>
<div class="social">تابعونا على تويتر وفيسبوك</div>
</div>
<aside class="col-side"><h4>{most_read[0]}</h4>{_list(most_read[1:], "most-read")}</aside>
</div>
<div class="footer">{_e(COPYRIGHT)}</div></body></html>"""
    return page, [ticker, "الكلمات المفتاحية", "تابعونا على تويتر", RELATED[2], COPYRIGHT]


def agency(item: dict[str, str], paragraphs: list[str]) -> tuple[str, list[str]]:
    """A news-agency page: print/send links and a related-news list under the story."""
    page = f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="UTF-8">
<title>{_e(item["title"])} - وكالة الأنباء</title></head><body>
<div id="header"><img src="/logo.png" alt="وكالة الأنباء">{_list(NAV, "menu")}</div>
<div id="content"><div class="news-item">
<h2 class="news-title">{_e(item["title"])}</h2>
<div class="tools"><a href="#">طباعة</a> | <a href="#">إرسال</a></div>
<div class="news-text">{_ps(paragraphs)}</div>
</div>
<div class="related"><h3>أخبار ذات صلة</h3>{_list(RELATED, "rel")}</div>
</div>
<div id="footer">حقوق النشر محفوظة لوكالة الأنباء 2015</div>
</body></html>"""
    return page, ["طباعة", "أخبار ذات صلة", RELATED[1], "حقوق النشر محفوظة"]


def channel(item: dict[str, str], paragraphs: list[str]) -> tuple[str, list[str]]:
    """A TV channel's site: video block, watch-also list, follow-us line, comment count."""
    page = f"""<html dir="rtl"><head><meta charset="utf-8"><title>{_e(item["title"])}</title>
<meta name="author" content="{_e(item["author"])}"></head><body>
<header><ul class="channels"><li>البث المباشر</li><li>البرامج</li><li>الأخبار</li></ul></header>
<section class="story">
<h1>{_e(item["title"])}</h1>
<div class="video-player" data-id="123"><span>تشغيل الفيديو</span></div>
<div class="story-body">{_ps(paragraphs)}</div>
<div class="watch-also"><h4>شاهد أيضاً</h4>{_list(RELATED[:2], "videos")}</div>
<p class="follow">تابعوا آخر الأخبار عبر حسابنا على تلغرام</p>
<div class="comments-count">التعليقات (12)</div>
</section>
<footer>{_e(COPYRIGHT)}</footer></body></html>"""
    return page, ["شاهد أيضاً", "حسابنا على تلغرام", "التعليقات", RELATED[0], COPYRIGHT]


def legacy(item: dict[str, str], paragraphs: list[str]) -> tuple[str, list[str]]:
    """An old table layout saved in windows-1256, with <font> tags and <br> paragraphs."""
    rows = "<br><br>\n".join(_e(p) for p in paragraphs)
    page = f"""<HTML><HEAD>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1256">
<TITLE>{_e(item["title"])}</TITLE></HEAD>
<BODY BGCOLOR="#FFFFFF"><TABLE WIDTH="100%"><TR><TD CLASS="menu">{" | ".join(NAV)}</TD></TR>
<TR><TD><FONT SIZE="5" COLOR="#990000"><B>{_e(item["title"])}</B></FONT></TD></TR>
<TR><TD><FONT SIZE="3">{rows}</FONT></TD></TR>
<TR><TD CLASS="tools">أرسل هذا الخبر لصديق | طباعة</TD></TR>
<TR><TD><FONT SIZE="1">{_e(COPYRIGHT)}</FONT></TD></TR></TABLE></BODY></HTML>"""
    return page, [" | ".join(NAV), COPYRIGHT]


def amp(item: dict[str, str], paragraphs: list[str]) -> tuple[str, list[str]]:
    """An AMP page: amp elements, sidebar menu, share buttons and a read-more block."""
    page = f"""<!doctype html><html ⚡ lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{_e(item["title"])}</title><link rel="canonical" href="https://example.org/news/1">
<script type="application/ld+json">
{{"@type":"NewsArticle","datePublished":"2015-07-21T08:00:00+03:00"}}</script>
</head><body>
<amp-sidebar id="menu" layout="nodisplay">{_list(NAV, "amp-menu")}</amp-sidebar>
<article><h1>{_e(item["title"])}</h1>
<amp-img src="/a.jpg" width="600" height="400" alt="صورة"></amp-img>
{_ps(paragraphs)}
<amp-social-share type="facebook"></amp-social-share><div class="share">شارك هذا الخبر</div>
<div class="more"><h4>اقرأ المزيد</h4>{_list(RELATED, "more")}</div>
</article></body></html>"""
    return page, ["شارك هذا الخبر", "اقرأ المزيد", RELATED[2]]


LAYOUTS: dict[str, tuple[str, Callable[..., tuple[str, list[str]]], str]] = {
    "wordpress_news": ("aawsat", wordpress, "utf-8"),
    "news_portal": ("alyaum", portal, "utf-8"),
    "news_agency": ("sabq", agency, "utf-8"),
    "tv_channel": ("okaz", channel, "utf-8"),
    "legacy_tables_cp1256": ("alriyadh", legacy, "cp1256"),
    "amp_page": ("almadina", amp, "utf-8"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
    )
    args = parser.parse_args()
    expected = {}
    for name, (source, layout, encoding) in LAYOUTS.items():
        item = _article(args.shared, source)
        paragraphs = _paragraphs(item)
        page, boilerplate = layout(item, paragraphs)
        filename = f"constructed__{name}.html"
        (OUT / filename).write_bytes(page.encode(encoding, errors="xmlcharrefreplace"))
        expected[filename] = {
            "source": f"SaudiNewsNet {item['source']} {item['url']}",
            "title": " ".join(item["title"].split()),
            "body_start": paragraphs[0][:40],
            "body_end": paragraphs[-1][-40:],
            "not_in_body": boilerplate,
        }
    (OUT / "constructed.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(expected)} constructed pages to {OUT}")


if __name__ == "__main__":
    main()
