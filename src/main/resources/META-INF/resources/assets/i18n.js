// English and Spanish texts of the reporter pages. Elements carry data-i18n="key" (text) or
// data-i18n-placeholder="key"; categories come with both labels from the API.

const TEXTS = {
  en: {
    'crisis.danger': 'In danger right now? Call',
    'crisis.988': 'Thinking about suicide, or worried about someone? Call or text',
    'language': 'Language',
    'tip.title': 'Report a safety concern',
    'tip.intro': 'You do not have to give your name. Your report goes to the safety team of the school you choose. '
      + 'You get a case code to check back and answer their questions; nobody learns who you are.',
    'tip.school.search': 'Find your school',
    'tip.school.search.hint': 'Type part of the name to shorten the list.',
    'tip.school': 'School',
    'tip.school.unknown': 'I don\u2019t know / not listed',
    'tip.category': 'What is it about?',
    'tip.category.choose': 'Choose one\u2026',
    'tip.description': 'What is happening?',
    'tip.description.hint': 'Say what you saw or heard, who, and where. At least 10 characters.',
    'tip.now': 'This is happening right now',
    'tip.more': 'More details (optional)',
    'tip.location': 'Where?',
    'tip.when': 'When?',
    'tip.people': 'Who is involved?',
    'tip.send': 'Send tip',
    'tip.sending': 'Encrypting and sending\u2026',
    'tip.nocrypto': 'This browser cannot encrypt your tip before sending it. It would still travel over a secure '
      + 'connection, but a school network that records what is sent could read it. Use another browser or device '
      + 'if you can, or send it anyway.',
    'tip.sendplain': 'Send without browser encryption',
    'tip.error.category': 'Choose what the tip is about.',
    'tip.error.description': 'Describe what is happening (at least 10 characters).',
    'tip.error.network': 'The tip could not be sent: no connection. Nothing was lost; press Send again.',
    'tip.deriving': 'Securing your case code on this device \u2014 this can take a few seconds on older phones\u2026',
    'tip.stillsending': 'Still sending \u2014 keep this page open. The tip line is very busy or out of reach; your tip '
      + 'goes in as soon as it can take it.',
    'tip.error.other': 'The tip could not be sent.',
    'receipt.title': 'Your tip was sent',
    'receipt.intro': 'This is your case code. It is the only way back to your tip: with it you can see answers and '
      + 'add details. It is shown only once \u2014 write it down or save it somewhere safe now.',
    'receipt.reference': 'Reference',
    'receipt.copy': 'Copy code',
    'receipt.copied': 'Copied.',
    'receipt.copyfailed': 'Copying did not work here: write the code down instead.',
    'receipt.confirm': 'I wrote down or saved my case code',
    'receipt.done': 'Done',
    'receipt.leave': 'You have not confirmed that you saved your case code. Leave anyway?',
    'receipt.followup': 'Check back later on the follow-up page with your code.',
    'followup.title': 'Check on your tip',
    'followup.intro': 'Enter the case code you got when you sent your tip. It is never shown in the address bar '
      + 'or kept on this device.',
    'followup.code': 'Case code',
    'followup.code.hint': 'Like XXXX-XXXX-XXXX-XXXX. Capitals and dashes do not matter.',
    'followup.open': 'Open',
    'followup.checking': 'Checking\u2026',
    'followup.deriving': 'Checking your case code on this device \u2014 this can take a few seconds on older phones\u2026',
    'followup.notrecognized': 'No tip matches this case code. Check it and try again.',
    'followup.wait': 'Too many codes were tried. Wait {seconds} seconds, then try again.',
    'followup.status': 'Status',
    'followup.received': 'Received on',
    'followup.status.received': 'Received \u2014 waiting to be read',
    'followup.status.being-looked-into': 'Being looked into',
    'followup.status.closed': 'Closed',
    'followup.conversation': 'Conversation',
    'followup.empty': 'No messages yet. The safety team may ask you something here.',
    'followup.from.staff': 'Safety team',
    'followup.from.you': 'You',
    'followup.reply': 'Your message',
    'followup.reply.hint': 'Answer a question or add details. Up to 5,000 characters.',
    'followup.send': 'Send message',
    'followup.sent': 'Your message was sent.',
    'followup.closed': 'This tip is closed and no longer takes messages. If you have something new, please send a new tip.',
    'followup.deletion': 'To protect you, this conversation will be deleted on {date} or soon after.',
    'followup.deleted': 'This conversation has ended and its content has been deleted. If you have something new, please send a new tip.',
    'followup.expired': 'For your safety the page forgot your code after a while. Enter it again.',
    'followup.leave': 'Close this tip',
    'followup.refresh': 'Refresh',
    'followup.newtip': 'Send a new tip',
    'note.TRUSTED_ADULT_FOLLOWING_UP': 'Thank you \u2014 a trusted adult is following up.',
    'note.LOOKED_INTO': 'Thank you \u2014 this has been looked into.',
    'note.PASSED_ON': 'Thank you \u2014 this was passed on to the people who can help.',
    'note.NEED_MORE_DETAILS': 'Thank you \u2014 we could not act on this without more details. You can send a new tip any time.',
    'nav.report': 'Report',
    'nav.followup': 'Check on a tip',
    'attach.title': 'Add photos or screenshots (optional)',
    'attach.hint': 'Up to 5 images, JPEG, PNG or WebP, 10 MB each. Before anything is stored, everything but the picture '
      + 'itself is removed, such as where and with which phone it was taken. HEIC photos (iPhone) cannot be sent: take a '
      + 'screenshot of the photo instead.',
    'attach.choose': 'Choose images',
    'attach.sending': 'sending…',
    'attach.sent': 'attached.',
    'attach.done': 'Done. You can add more images, up to 5.',
    'attach.heic': 'HEIC photos cannot be sent; take a screenshot of the photo and send that.',
    'attach.toolarge': 'larger than 10 MB; send a smaller image or a screenshot.',
    'attach.expired': 'the page forgot your tip for your safety; open it again on the follow-up page with your code.',
    'attach.failed': 'could not be attached.',
  },
  es: {
    'crisis.danger': '\u00bfEst\u00e1s en peligro ahora mismo? Llama al',
    'crisis.988': '\u00bfPiensas en el suicidio o te preocupa alguien? Llama o env\u00eda un mensaje al',
    'language': 'Idioma',
    'tip.title': 'Reporta un problema de seguridad',
    'tip.intro': 'No tienes que dar tu nombre. Tu reporte llega al equipo de seguridad de la escuela que elijas. '
      + 'Recibir\u00e1s un c\u00f3digo de caso para volver a consultar y responder sus preguntas; nadie sabr\u00e1 qui\u00e9n eres.',
    'tip.school.search': 'Busca tu escuela',
    'tip.school.search.hint': 'Escribe parte del nombre para acortar la lista.',
    'tip.school': 'Escuela',
    'tip.school.unknown': 'No s\u00e9 / no aparece',
    'tip.category': '\u00bfDe qu\u00e9 se trata?',
    'tip.category.choose': 'Elige una opci\u00f3n\u2026',
    'tip.description': '\u00bfQu\u00e9 est\u00e1 pasando?',
    'tip.description.hint': 'Cuenta lo que viste u o\u00edste, qui\u00e9n y d\u00f3nde. Al menos 10 caracteres.',
    'tip.now': 'Est\u00e1 pasando ahora mismo',
    'tip.more': 'M\u00e1s detalles (opcional)',
    'tip.location': '\u00bfD\u00f3nde?',
    'tip.when': '\u00bfCu\u00e1ndo?',
    'tip.people': '\u00bfQui\u00e9nes est\u00e1n involucrados?',
    'tip.send': 'Enviar reporte',
    'tip.sending': 'Cifrando y enviando\u2026',
    'tip.nocrypto': 'Este navegador no puede cifrar tu reporte antes de enviarlo. Viajar\u00eda por una conexi\u00f3n '
      + 'segura, pero una red escolar que registra lo que se env\u00eda podr\u00eda leerlo. Usa otro navegador o dispositivo '
      + 'si puedes, o env\u00edalo de todos modos.',
    'tip.sendplain': 'Enviar sin cifrado del navegador',
    'tip.error.category': 'Elige de qu\u00e9 se trata el reporte.',
    'tip.error.description': 'Describe lo que est\u00e1 pasando (al menos 10 caracteres).',
    'tip.error.network': 'No se pudo enviar el reporte: no hay conexi\u00f3n. No se perdi\u00f3 nada; pulsa Enviar otra vez.',
    'tip.deriving': 'Protegiendo tu c\u00f3digo de caso en este dispositivo; puede tardar unos segundos en tel\u00e9fonos antiguos\u2026',
    'tip.stillsending': 'Todav\u00eda enviando: no cierres esta p\u00e1gina. La l\u00ednea est\u00e1 muy ocupada o no '
      + 'responde; tu reporte entra en cuanto pueda recibirlo.',
    'tip.error.other': 'No se pudo enviar el reporte.',
    'receipt.title': 'Tu reporte fue enviado',
    'receipt.intro': 'Este es tu c\u00f3digo de caso. Es la \u00fanica forma de volver a tu reporte: con \u00e9l ves las '
      + 'respuestas y agregas detalles. Se muestra una sola vez: an\u00f3talo o gu\u00e1rdalo en un lugar seguro ahora.',
    'receipt.reference': 'Referencia',
    'receipt.copy': 'Copiar c\u00f3digo',
    'receipt.copied': 'Copiado.',
    'receipt.copyfailed': 'No se pudo copiar aqu\u00ed: an\u00f3talo.',
    'receipt.confirm': 'Anot\u00e9 o guard\u00e9 mi c\u00f3digo de caso',
    'receipt.done': 'Listo',
    'receipt.leave': 'No confirmaste que guardaste tu c\u00f3digo de caso. \u00bfSalir de todos modos?',
    'receipt.followup': 'Vuelve m\u00e1s tarde a la p\u00e1gina de seguimiento con tu c\u00f3digo.',
    'followup.title': 'Consulta tu reporte',
    'followup.intro': 'Escribe el c\u00f3digo de caso que recibiste al enviar tu reporte. Nunca aparece en la barra de '
      + 'direcciones ni se guarda en este dispositivo.',
    'followup.code': 'C\u00f3digo de caso',
    'followup.code.hint': 'Como XXXX-XXXX-XXXX-XXXX. May\u00fasculas y guiones no importan.',
    'followup.open': 'Abrir',
    'followup.checking': 'Comprobando\u2026',
    'followup.deriving': 'Comprobando tu c\u00f3digo de caso en este dispositivo; puede tardar unos segundos en tel\u00e9fonos antiguos\u2026',
    'followup.notrecognized': 'Ning\u00fan reporte tiene este c\u00f3digo. Rev\u00edsalo e int\u00e9ntalo de nuevo.',
    'followup.wait': 'Se probaron demasiados c\u00f3digos. Espera {seconds} segundos e int\u00e9ntalo de nuevo.',
    'followup.status': 'Estado',
    'followup.received': 'Recibido el',
    'followup.status.received': 'Recibido \u2014 esperando ser le\u00eddo',
    'followup.status.being-looked-into': 'En revisi\u00f3n',
    'followup.status.closed': 'Cerrado',
    'followup.conversation': 'Conversaci\u00f3n',
    'followup.empty': 'A\u00fan no hay mensajes. El equipo de seguridad puede preguntarte algo aqu\u00ed.',
    'followup.from.staff': 'Equipo de seguridad',
    'followup.from.you': 'T\u00fa',
    'followup.reply': 'Tu mensaje',
    'followup.reply.hint': 'Responde una pregunta o agrega detalles. Hasta 5.000 caracteres.',
    'followup.send': 'Enviar mensaje',
    'followup.sent': 'Tu mensaje fue enviado.',
    'followup.closed': 'Este reporte est\u00e1 cerrado y ya no recibe mensajes. Si tienes algo nuevo, env\u00eda un reporte nuevo.',
    'followup.deletion': 'Para protegerte, esta conversaci\u00f3n se borrar\u00e1 el {date} o poco despu\u00e9s.',
    'followup.deleted': 'Esta conversaci\u00f3n termin\u00f3 y su contenido fue borrado. Si tienes algo nuevo, env\u00eda un reporte nuevo.',
    'followup.expired': 'Por tu seguridad, la p\u00e1gina olvid\u00f3 tu c\u00f3digo despu\u00e9s de un rato. Escr\u00edbelo de nuevo.',
    'followup.leave': 'Cerrar este reporte',
    'followup.refresh': 'Actualizar',
    'followup.newtip': 'Enviar un reporte nuevo',
    'note.TRUSTED_ADULT_FOLLOWING_UP': 'Gracias: un adulto de confianza est\u00e1 dando seguimiento.',
    'note.LOOKED_INTO': 'Gracias: esto ya se revis\u00f3.',
    'note.PASSED_ON': 'Gracias: esto se pas\u00f3 a las personas que pueden ayudar.',
    'note.NEED_MORE_DETAILS': 'Gracias: no pudimos actuar sin m\u00e1s detalles. Puedes enviar un reporte nuevo cuando quieras.',
    'nav.report': 'Reportar',
    'nav.followup': 'Consultar un reporte',
    'attach.title': 'Agrega fotos o capturas de pantalla (opcional)',
    'attach.hint': 'Hasta 5 im\u00e1genes, JPEG, PNG o WebP, de 10 MB cada una. Antes de guardar nada se quita todo lo '
      + 'que no es la imagen misma, como d\u00f3nde y con qu\u00e9 tel\u00e9fono se tom\u00f3. Las fotos HEIC (iPhone) no '
      + 'se pueden enviar: env\u00eda una captura de pantalla de la foto.',
    'attach.choose': 'Elegir im\u00e1genes',
    'attach.sending': 'enviando\u2026',
    'attach.sent': 'adjuntada.',
    'attach.done': 'Listo. Puedes agregar m\u00e1s im\u00e1genes, hasta 5.',
    'attach.heic': 'Las fotos HEIC no se pueden enviar; env\u00eda una captura de pantalla de la foto.',
    'attach.toolarge': 'pesa m\u00e1s de 10 MB; env\u00eda una imagen m\u00e1s peque\u00f1a o una captura.',
    'attach.expired': 'por tu seguridad la p\u00e1gina olvid\u00f3 tu reporte; \u00e1brelo de nuevo en la p\u00e1gina de seguimiento con tu c\u00f3digo.',
    'attach.failed': 'no se pudo adjuntar.',
  },
};

const CLOSING_NOTES = ['TRUSTED_ADULT_FOLLOWING_UP', 'LOOKED_INTO', 'PASSED_ON', 'NEED_MORE_DETAILS'];

/** What the reporter reads for each closing note (org.tipline.casework.ClosingNote), in one language. */
export function closingNoteTexts(lang) {
  return Object.fromEntries(CLOSING_NOTES.map(code => [code, TEXTS[lang][`note.${code}`]]));
}

let current = 'en';
const listeners = [];

export function language() {
  return current;
}

export function t(key, values = {}) {
  const text = (TEXTS[current] && TEXTS[current][key]) || TEXTS.en[key] || key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Sets the page's language, re-labels every marked element and tells the page's own renderers. */
export function setLanguage(lang) {
  current = TEXTS[lang] ? lang : 'en';
  document.documentElement.lang = current;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === current));
  }
  // Links between the reporter pages carry the language (and nothing else) to the next page.
  for (const link of document.querySelectorAll('a[data-keep-lang]')) {
    link.setAttribute('href', `${link.getAttribute('href').split('?')[0]}?lang=${current}`);
  }
  listeners.forEach(listener => listener(current));
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** Wires the language buttons; starts in the language a link asked for, else the browser's when we have it. */
export function initLanguage() {
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  }
  const requested = new URLSearchParams(location.search).get('lang');
  const preferred = requested || (navigator.language || 'en').slice(0, 2).toLowerCase();
  setLanguage(TEXTS[preferred] ? preferred : 'en');
}
