"""Boilerplate vocabulary per language: the words of menus, share bars and footers.

Each entry is a regular expression matched case-insensitively at word boundaries.
English is always checked too (many sites keep English share and cookie labels).

>>> matcher = boilerplate_matcher("de")
>>> round(boilerplate_share("Newsletter abonnieren", matcher), 2)
0.95
>>> boilerplate_share("Der Rat hat am Dienstag beschlossen, die Brücke neu zu bauen.", matcher)
0.0
>>> round(boilerplate_share("分享到微信", boilerplate_matcher("zh")), 2)  # no spaces: phrases match anywhere
1.0
"""

from __future__ import annotations

import re
from functools import cache

from cleaner.scoring.tokens import UNSPACED_CHAR

#: ISO 639-1 code -> phrases. Keep entries short and specific to page furniture.
BOILERPLATE: dict[str, tuple[str, ...]] = {
    "en": (
        r"share( this)?( article| story| on)?", r"tweet", r"pin it", r"e-?mail( this)?", r"print( this)?",
        r"subscribe( now| today)?", r"sign (up|in)", r"log ?(in|out)", r"register", r"newsletters?",
        r"advertisements?", r"sponsored( content)?", r"promoted", r"read (more|next|also|full)", r"related( articles| stories| posts)?",
        r"more (from|on|stories|news|articles|like this)", r"(leave a |add a |post a )?comments?", r"reply",
        r"cookies?", r"privacy( policy| notice)?", r"terms (of (use|service)|and conditions)", r"copyright",
        r"all rights reserved", r"follow us", r"download (the|our) app", r"donate", r"support us",
        r"(most )?(popular|read|viewed|shared)", r"trending", r"you (may|might) (also )?like", r"recommended( for you)?",
        r"click here", r"skip to (main )?content", r"home ?page", r"menu", r"search", r"contact us", r"about us",
        r"back to top", r"load more", r"show more", r"see (all|more)", r"watch( now| live)?", r"listen",
        r"photos?", r"videos?", r"gallery", r"tags?", r"categor(y|ies)", r"posted (in|by|on)", r"filed under",
        r"updated", r"published", r"previous( post| article)?", r"next( post| article)?", r"facebook", r"twitter",
        r"linkedin", r"whatsapp", r"instagram", r"youtube", r"pinterest", r"reddit", r"telegram", r"rss",
        r"accept( all)?", r"manage (preferences|settings)", r"ad ?choices", r"site ?map", r"careers", r"faq",
        r"terms", r"disclaimer", r"feedback", r"permalink", r"author", r"min(ute)? read", r"loading",
        r"your (support|donation|contribution)", r"donations?", r"premium", r"bookmark", r"commenting",
        r"join (our|the) (community|conversation|mailing list)", r"free trial", r"already (a )?(subscriber|member)",
        r"latest (headlines|news)", r"google news", r"unlock", r"exclusive offer",
    ),
    "de": (
        r"teilen", r"drucken", r"abonnieren", r"anmelden", r"abmelden", r"registrieren", r"newsletter",
        r"anzeige", r"werbung", r"weiterlesen", r"mehr (zum thema|lesen|dazu|artikel)", r"lesen sie auch",
        r"ähnliche artikel", r"kommentare?", r"kommentieren", r"datenschutz(erklärung)?", r"impressum",
        r"alle rechte vorbehalten", r"folgen sie uns", r"app (herunterladen|laden)", r"spenden", r"unterstützen",
        r"meistgelesen", r"startseite", r"suche", r"kontakt", r"nach oben", r"zurück", r"fotos?", r"bilder",
        r"schlagwörter", r"themen", r"aktualisiert", r"veröffentlicht", r"cookies?", r"akzeptieren", r"nutzungsbedingungen",
    ),
    "fr": (
        r"partager", r"imprimer", r"s'abonner", r"abonnez-vous", r"abonnement", r"se connecter", r"connexion",
        r"inscription", r"s'inscrire", r"newsletter", r"lettre d'information", r"publicité", r"lire (aussi|la suite|plus)",
        r"à lire aussi", r"articles? (liés|similaires)", r"sur le même sujet", r"commentaires?", r"commenter",
        r"cookies?", r"confidentialité", r"mentions légales", r"tous droits réservés", r"suivez-nous",
        r"télécharger l'application", r"faire un don", r"soutenez-nous", r"les plus lus", r"accueil", r"rechercher",
        r"contact", r"haut de page", r"voir (plus|tout)", r"photos?", r"vidéos?", r"mis à jour", r"publié le",
    ),
    "es": (
        r"compartir", r"imprimir", r"suscr[ií]bete", r"suscripci[oó]n", r"iniciar sesi[oó]n", r"reg[ií]strate",
        r"bolet[ií]n", r"newsletter", r"publicidad", r"anuncio", r"leer (m[aá]s|tambi[eé]n)", r"lee tambi[eé]n",
        r"noticias relacionadas", r"relacionad[oa]s", r"comentarios?", r"comentar", r"cookies?", r"privacidad",
        r"aviso legal", r"todos los derechos reservados", r"s[ií]guenos", r"descarga la app", r"don(a|ar|aci[oó]n)",
        r"ap[oó]yanos", r"lo m[aá]s (le[ií]do|visto)", r"portada", r"inicio", r"buscar", r"contacto", r"ver (m[aá]s|todo)",
        r"fotos?", r"v[ií]deos?", r"actualizado", r"publicado",
    ),
    "it": (
        r"condividi", r"stampa", r"abbonati", r"abbonamento", r"accedi", r"registrati", r"iscriviti", r"newsletter",
        r"pubblicit[aà]", r"leggi (anche|di pi[uù]|tutto)", r"articoli correlati", r"correlati", r"commenti?",
        r"commenta", r"cookies?", r"privacy", r"tutti i diritti riservati", r"seguici", r"scarica l'app", r"dona(zione)?",
        r"sostienici", r"i pi[uù] letti", r"home ?page", r"cerca", r"contatti", r"torna su", r"vedi (tutti|altro)",
        r"foto", r"video", r"aggiornato", r"pubblicato",
    ),
    "pt": (
        r"compartilh(ar|e)", r"partilh(ar|e)", r"imprimir", r"assine", r"assinatura", r"entrar", r"cadastre-se",
        r"inscreva-se", r"newsletter", r"publicidade", r"an[uú]ncio", r"leia (mais|tamb[eé]m)", r"veja tamb[eé]m",
        r"not[ií]cias relacionadas", r"relacionad[oa]s", r"coment[aá]rios?", r"comentar", r"cookies?", r"privacidade",
        r"todos os direitos reservados", r"siga-nos", r"baixe o app", r"doe", r"doa[cç][aã]o", r"apoie",
        r"mais lidas", r"in[ií]cio", r"pesquisar", r"buscar", r"contato", r"contacto", r"ver (mais|tudo)",
        r"fotos?", r"v[ií]deos?", r"atualizado", r"publicado",
    ),
    "nl": (
        r"del(en)?", r"afdrukken", r"abonneren", r"abonnement", r"inloggen", r"aanmelden", r"registreren",
        r"nieuwsbrief", r"advertentie", r"lees (meer|ook|verder)", r"gerelateerde artikelen", r"gerelateerd",
        r"reacties?", r"reageer", r"cookies?", r"privacy(verklaring)?", r"alle rechten voorbehouden", r"volg ons",
        r"download de app", r"doneer", r"steun ons", r"meest gelezen", r"zoeken", r"contact", r"naar boven",
        r"bekijk (meer|alles)", r"foto'?s", r"video'?s", r"bijgewerkt", r"gepubliceerd",
    ),
    "ru": (
        r"поделиться", r"печать", r"подпис(аться|ка|ывайтесь)", r"войти", r"вход", r"регистрация", r"рассылка",
        r"реклама", r"читайте (также|далее)", r"читать (далее|дальше|также)", r"подробнее", r"по теме",
        r"похожие (статьи|новости)", r"комментари(й|и|ев)", r"cookies?", r"куки", r"конфиденциальност[иь]",
        r"все права защищены", r"подписывайтесь на нас", r"скачать приложение", r"поддержать", r"пожертвова(ть|ние)",
        r"популярное", r"самое читаемое", r"главная", r"поиск", r"контакты", r"наверх", r"смотреть (все|ещё)",
        r"фото", r"видео", r"обновлено", r"опубликовано",
    ),
    "uk": (
        r"поділитися", r"друк", r"підпис(атися|ка|уйтесь)", r"увійти", r"вхід", r"реєстрація", r"розсилка",
        r"реклама", r"читайте (також|далі)", r"читати (далі|також)", r"детальніше", r"по темі", r"на тему",
        r"схожі (статті|новини)", r"коментар(і|ів|ій)", r"cookies?", r"конфіденційн(ість|ості)",
        r"всі права захищені", r"усі права захищено", r"стежте за нами", r"завантажити додаток", r"підтримати",
        r"популярне", r"найпопулярніше", r"головна", r"пошук", r"контакти", r"вгору", r"дивитися (всі|ще)",
        r"фото", r"відео", r"оновлено", r"опубліковано",
    ),
    "zh": (  # simplified and traditional
        r"首页", r"首頁", r"登录", r"登錄", r"登入", r"注册", r"註冊", r"分享(到)?", r"转发", r"轉發", r"订阅", r"訂閱",
        r"关注我们", r"關注我們", r"相关(新闻|阅读|文章|报道)", r"相關(新聞|閱讀|文章|報導)", r"推荐阅读", r"推薦閱讀",
        r"热门(新闻|文章|评论)?", r"熱門(新聞|文章|評論)?", r"网友评论", r"網友評論", r"发表评论", r"發表評論", r"广告",
        r"廣告", r"责任编辑", r"責任編輯", r"版权所有", r"版權所有", r"保留所有权利", r"保留所有權利", r"隐私政策",
        r"隱私政策", r"联系我们", r"聯繫我們", r"關於我們", r"关于我们", r"下载客户端", r"下載客戶端", r"扫码", r"掃碼",
        r"二维码", r"二維碼", r"微信", r"微博", r"返回顶部", r"返回頂部", r"上一篇", r"下一篇", r"阅读全文", r"閱讀全文",
        r"点击(查看|进入)", r"點擊(查看|進入)", r"打印", r"列印", r"收藏", r"举报", r"舉報", r"网站地图", r"網站地圖",
    ),
    "ar": (
        r"شارك(\s?المقال)?", r"مشاركة", r"اشترك(\s?الآن)?", r"تسجيل الدخول", r"إعلان", r"اقرأ (أيضا|أيضاً|المزيد)",
        r"(مقالات|أخبار|مواضيع) ذات صلة", r"الأكثر (قراءة|مشاهدة)", r"تابعنا( على)?", r"جميع الحقوق محفوظة",
        r"سياسة الخصوصية", r"اتصل بنا", r"من نحن", r"الرئيسية", r"الوسوم", r"تعليقات", r"النشرة (البريدية|الإخبارية)",
        r"شروط الاستخدام", r"طباعة",
    ),
    "ko": (
        r"공유(하기)?", r"구독(하기)?", r"로그인", r"로그아웃", r"회원가입", r"뉴스레터", r"광고", r"관련\s?(기사|뉴스)",
        r"많이 본 (뉴스|기사)", r"인기\s?(기사|뉴스)", r"댓글(\s?(작성하기|쓰기|보기))?", r"저작권자", r"무단\s?(전재|복제)",
        r"재배포\s?금지", r"개인정보\s?처리\s?방침", r"이용약관", r"회사소개", r"기사제보", r"글자\s?크기", r"인쇄(하기)?",
        r"스크랩", r"맨 위로", r"(이전|다음) 기사", r"카카오톡", r"홈",
    ),
    "ja": (
        r"ホーム", r"トップページ", r"ログイン", r"ログアウト", r"会員登録", r"新規登録", r"シェア(する)?", r"ツイート",
        r"いいね", r"購読", r"ニュースレター", r"メルマガ", r"関連(記事|ニュース)", r"おすすめ(記事)?", r"人気(記事|ランキング)",
        r"ランキング", r"コメント(する)?", r"広告", r"無断転載", r"著作権", r"プライバシーポリシー", r"利用規約",
        r"お問い合わせ", r"会社概要", r"アプリ(を)?ダウンロード", r"フォロー(する)?", r"続きを読む", r"もっと見る",
        r"一覧", r"前の記事", r"次の記事", r"(ページの)?(トップ|先頭)へ(戻る)?", r"印刷", r"ブックマーク",
    ),
    "pl": (
        r"udostępnij( artykuł)?", r"drukuj", r"subskrybuj", r"zaloguj( się)?", r"zarejestruj( się)?",
        r"newsletter(a)?", r"reklama", r"czytaj (także|też|więcej|dalej)", r"zobacz (także|też|więcej|wszystkie)",
        r"powiązane (artykuły|tematy)", r"komentarze?", r"skomentuj", r"cookies?", r"polityka prywatności",
        r"regulamin", r"wszelkie prawa zastrzeżone", r"obserwuj nas", r"pobierz aplikację", r"wesprzyj nas",
        r"najczęściej czytane", r"najpopularniejsze", r"strona główna", r"szukaj", r"kontakt", r"tagi",
        r"zdjęcia?", r"wideo", r"aktualizacja", r"opublikowano",
    ),
    "id": (
        r"bagikan( artikel ini)?", r"salin tautan", r"berlangganan( newsletter)?",
        r"iklan", r"baca (juga|selengkapnya)", r"berita terkait", r"artikel terkait", r"komentar", r"terpopuler",
        r"terkini", r"ikuti kami( di \w+)?", r"unduh aplikasi", r"hak cipta dilindungi undang-undang", r"kebijakan privasi",
        r"pedoman media siber", r"tentang kami", r"kontak", r"beranda", r"tag", r"foto", r"video",
    ),
    "hi": (
        r"होम", r"लॉग ?इन", r"रजिस्टर करें", r"साइन ?अप", r"शेयर करें", r"(इस )?(खबर|लेख) को शेयर करें", r"विज्ञापन",
        r"यह भी पढ़ें", r"(और|आगे) पढ़ें", r"संबंधित (खबरें|ख़बरें|लेख)", r"ताज़?ा (खबरें|ख़बरें)",
        r"सबसे ज़?्यादा पढ़ी गईं?", r"टैग", r"कमेंट", r"टिप्पणियाँ", r"टिप्पणी करें", r"हमें फॉलो करें",
        r"सब्सक्राइब करें", r"न्यूज़?लेटर", r"ऐप डाउनलोड करें", r"सर्वाधिकार सुरक्षित", r"गोपनीयता नीति",
        r"नियम और शर्तें", r"हमारे बारे में", r"संपर्क करें", r"कुकीज़?",
    ),
    "th": (
        r"หน้าแรก", r"เข้าสู่ระบบ", r"ออกจากระบบ", r"สมัครสมาชิก", r"แชร์(ข่าวนี้|บทความนี้)?", r"คัดลอกลิงก์",
        r"ขนาดตัวอักษร", r"โฆษณา", r"อ่าน(ต่อ|เพิ่มเติม|ข่าวที่เกี่ยวข้อง)", r"ข่าวที่เกี่ยวข้อง",
        r"บทความที่เกี่ยวข้อง", r"ข่าว(ล่าสุด|ยอดนิยม|แนะนำ)", r"แท็ก", r"แสดงความคิดเห็น", r"ความคิดเห็น\s?\(\d+\)",
        r"ติดตามเรา", r"ดาวน์โหลดแอป", r"สงวนลิขสิทธิ์", r"นโยบายความเป็นส่วนตัว",
        r"ข้อกำหนดการใช้งาน", r"เกี่ยวกับเรา", r"ติดต่อ(เรา|โฆษณา)", r"ร่วมงานกับเรา", r"กลับขึ้นด้านบน",
        r"ดูทั้งหมด", r"คุกกี้", r"ยอมรับทั้งหมด", r"(อ่าน|เข้าชม|ผู้เข้าชม)\s?[\d,.]+\s?(ครั้ง|คน)",
    ),
}

#: justext stoplist names -> ISO 639-1 codes for the languages above (and a few more).
ISO_CODES: dict[str, str] = {
    "English": "en", "Simple_English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
    "Portuguese": "pt", "Dutch": "nl", "Russian": "ru", "Ukrainian": "uk", "Polish": "pl", "Czech": "cs",
    "Swedish": "sv", "Danish": "da", "Norwegian_Bokmal": "nb", "Finnish": "fi", "Turkish": "tr", "Greek": "el",
    "Romanian": "ro", "Hungarian": "hu", "Arabic": "ar", "Indonesian": "id", "Vietnamese": "vi", "Catalan": "ca", "Bulgarian": "bg",
    "Chinese": "zh", "Japanese": "ja", "Korean": "ko", "Thai": "th", "Hindi": "hi",
}


def iso_code(stoplist_name: str | None) -> str | None:
    """The ISO 639-1 code of a stoplist's language ('English' -> 'en'); the name itself when it has none."""
    return ISO_CODES.get(stoplist_name, stoplist_name) if stoplist_name else None


@cache
def boilerplate_matcher(language: str | None) -> re.Pattern[str]:
    """One compiled pattern for the language's phrases plus English ones, matched on lower-cased text.

    (Lower-casing the line once and matching case-sensitively is several times
    faster than a case-insensitive alternation of this size.)
    """
    phrases = BOILERPLATE["en"] + (BOILERPLATE.get(language, ()) if language and language != "en" else ())
    spaced = "|".join(sorted({p for p in phrases if not UNSPACED_CHAR.search(p)}, key=len, reverse=True))
    wide = "|".join(sorted({p for p in phrases if UNSPACED_CHAR.search(p)}, key=len, reverse=True))
    # Chinese, Japanese and Thai words are not set apart by spaces: their phrases match anywhere
    return re.compile(rf"(?<!\w)(?:{spaced})(?!\w)" + (f"|{wide}" if wide else ""))


def boilerplate_share(text: str, matcher: re.Pattern[str]) -> float:
    """Share of the line's characters covered by boilerplate phrases."""
    if not text:
        return 0.0
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two characters: keep the offsets right
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    covered = sum(m.end() - m.start() for m in matcher.finditer(lowered))
    return min(1.0, covered / len(text.strip() or text))
