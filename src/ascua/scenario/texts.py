"""The text bank of Ascua's built-in scenario: what its fictional crowd writes.

The scenario (see the generator beside this module) simulates a bilingual, Spanish and
English, social-media stream about three FICTIONAL brands: Vuelaya, a low-cost airline;
Frutalia, a grocery home-delivery app in Spain and Mexico; and Conectia, a fibre and
mobile internet provider in Spain. Every brand, handle, newspaper, journalist,
association and influencer here is invented for Ascua; any resemblance to a real one
is accidental. Real city and neighbourhood names are used only as places.

The generator fills the templates with :meth:`str.format` and these slots only:
``{brand}``, ``{handle}`` (the brand's main account), ``{product}``, ``{place}``, ``{n}``
(2-9), ``{hours}`` (2-12), ``{days}`` (2-10), ``{tag}`` (a brand hashtag with ``#``),
``{emoji_pos}``, ``{emoji_neg}``, ``{author}`` (the person a brand reply answers: only in
``brand_reply`` templates) and ``{origin}`` (the first poster of a wave: only in some
``follower`` and ``amplifier`` templates).

:data:`GENERIC` holds the everyday chatter about any brand; each :class:`BrandVoice`
adds its own everyday lines, two negative :class:`Cause` waves (a crisis with a reason)
and one positive one. A cause's ``key_terms`` are the words its wave repeats, so that an
explanation of the burst can recover what it is about. The templates are written as
real people write, so that a sentiment model (the shipped tiers, ``ascua.nlp``) reads
complaints, rants and crisis posts as negative and praise as positive.

Written for Ascua.
"""

from __future__ import annotations

from dataclasses import dataclass

Templates = dict[str, tuple[str, ...]]  # language ("es" | "en") -> templates


@dataclass(frozen=True)
class Cause:
    """Why a wave of posts happens: a crisis (``negative``) or good news going viral (``positive``)."""

    id: str
    brand: str
    title: dict[str, str]  # lang -> a short human description
    key_terms: dict[str, tuple[str, ...]]  # lang -> the lowercase words and phrases the wave repeats
    sentiment: str  # "negative" or "positive"
    origin: Templates  # the first, first-hand posts that start the story
    follower: Templates  # people joining the wave
    amplifier: Templates  # journalists, influencers and associations reporting it
    brand_reply: Templates  # the brand's own account answering during the wave
    origin_by_brand: bool = False  # the first post is the brand's own blunder


@dataclass(frozen=True)
class BrandVoice:
    """How people talk about one fictional brand."""

    id: str
    name: str
    handles: tuple[str, ...]  # own accounts, main first, with "@"
    tags: tuple[str, ...]  # hashtags without "#"
    spanish_share: float
    products: dict[str, tuple[str, ...]]  # lang -> noun phrases of what the brand sells or does
    places: tuple[str, ...]  # cities, airports and neighbourhoods relevant to the brand
    everyday: dict[str, Templates]  # brand-specific everyday templates, by GENERIC category
    causes: tuple[Cause, ...]  # the negative causes of a crisis wave
    good_news: Cause  # the positive cause of a wave


GENERIC: dict[str, Templates] = {
    "praise": {
        "es": (
            "Gracias {handle}, todo perfecto {emoji_pos}",
            "Muy contenta con {brand}, rápido y sin problemas",
            "Qué gusto da cuando las cosas funcionan así de bien. Gracias {handle} {emoji_pos}",
            "{brand} nunca me falla. Lo recomiendo siempre",
            "Genial la atención de {handle}, me resolvieron todo en {n} minutos",
            "La verdad es que {brand} es de lo mejor que he probado este año {emoji_pos}",
            "Pues nada, otra vez {product} impecable. Gracias {brand}!!",
            "Os tengo que dar las gracias {handle}: amables, rápidos y resolutivos. Así da gusto",
            "Servicio de 10, {brand}. Enhorabuena al equipo {emoji_pos}",
            "me encanta {brand} jajaja ya soy cliente fiel",
            "Recomiendo {brand} a todo el mundo, de verdad que funciona genial",
            "Todo perfecto con {product}, como siempre. {tag}",
            "Hoy toca agradecer a {handle} lo bien que lo han hecho. Atentos y encima rápidos",
            "Qué bueno que exista {brand}, genial para estas cosas {emoji_pos}",
            "Estupendo el trato de {brand}, se nota que cuidan al cliente",
            "Cada vez me gusta más {brand}. Fácil, cómodo y a buen precio {tag}",
            "Tenía mis dudas con {brand} pero oye, excelente experiencia",
            "Chapó {handle}, un servicio increíble",
            "Gente, {brand} es un lujo. Os lo recomiendo",
            "Mil gracias {handle} por la ayuda de hoy, sois unos cracks {emoji_pos}",
            "Primera vez que uso {brand} y encantada, todo súper fácil",
            "Desde {place} un aplauso para {brand}: puntuales y muy amables",
            "No esperaba tanto de {brand}, la verdad: todo genial {emoji_pos}",
            "Lo mejor del día: {product} sin ningún problema. Gracias {brand}",
            "felicidades {handle}, da gusto un servicio así de eficiente",
            "{brand} es top. Punto.",
            "Ojalá todas las empresas fueran como {brand}, atención buenísima",
            "Súper satisfecho con {product}, {brand} vale la pena {tag}",
            "Qué maravilla {brand}, de verdad. Rápido y bien hecho {emoji_pos}",
            "Gracias a {handle} por resolverlo tan rápido. Se agradece mucho",
            "Otro mes con {brand} y feliz. Lo recomiendo sin dudar",
            "Está chulísimo lo que ha hecho {brand} con la app, muy fácil de usar",
            "Buen trabajo {handle}, gracias!! {emoji_pos}{emoji_pos}",
            "Amo a {brand}, me salvaron la semana jaja. Genial todo",
            "Después de {n} años sigo con {brand} y encantado. Por algo será {tag}",
            "Que conste: cuando {brand} lo hace bien hay que decirlo. Perfecto todo, gracias",
            "{brand} cumple y encima con una sonrisa. Excelente {emoji_pos}",
            "Re buena la atención de {handle}, súper amables {emoji_pos}",
            "Qué padre {brand}, todo llegó perfecto y rapidísimo",
            "Bravo {brand}! Así se trata a la gente",
            "Gracias {handle}, fantástico como siempre. Sois los mejores",
        ),
        "en": (
            "Thanks {handle}, everything was perfect {emoji_pos}",
            "Honestly {brand} is the best, quick and no problems at all",
            "Big thanks to {handle} for sorting it out so fast. Great service",
            "{brand} never lets me down. Highly recommend",
            "Really impressed with {brand} today {emoji_pos}",
            "Shoutout to {handle}, super friendly and helpful",
            "{product} was perfect again. Love {brand} {tag}",
            "Have to say it: {brand} customer care is excellent. Kind, fast, sorted in {n} minutes",
            "First time using {brand} and I'm impressed. Smooth from start to finish",
            "10/10 would recommend {brand} {emoji_pos}",
            "{brand} you absolute legends, thank you!!",
            "Great job {handle} {emoji_pos}",
            "Not often I praise a company but {brand} has been brilliant",
            "Lovely experience with {brand} in {place}. Friendly people, no problems",
            "Happy customer here. {brand} just works {tag}",
            "So glad I switched to {brand}, best decision this year",
            "Kudos to the {brand} team, amazing service as always",
            "Thank you {handle}! Really appreciate the quick help {emoji_pos}",
            "ngl {brand} is pretty great",
            "Wonderful service from {brand} today, made my week",
            "Can we talk about how good {brand} is? Seriously impressed",
            "{product} sorted in minutes. Well done {brand} {emoji_pos}",
            "Five stars for {brand}. Fast, friendly, reliable",
            "Been with {brand} {n} years and still happy. Highly recommend {tag}",
            "{brand} really delivered today. Thanks a lot",
            "My mum loved {brand} too, now the whole family uses it lol",
            "Fantastic support from {handle}, they went above and beyond",
            "When a company does it right you should say so: great work {brand}",
            "Cheers {handle}, perfect as always {emoji_pos}",
            "Really pleased with {product}. {brand} is brilliant",
            "Absolutely love {brand} {emoji_pos}{emoji_pos}",
            "Just want to say thanks to {handle} for being so helpful this morning",
            "{brand} = smooth, quick, friendly. That's it, that's the tweet",
            "Impressed by how easy {brand} makes everything {tag}",
            "Superb service from {brand}, will definitely recommend to friends",
            "Honestly delighted with {brand} today. Thank you",
            "{brand} was great from start to finish in {place}. Lovely staff",
            "Best customer service I've had in ages, thanks {handle}",
            "Good on you {brand}, that was a nice surprise {emoji_pos}",
            "Thanks {brand}, amazing as usual!!",
        ),
    },
    "complaint": {
        "es": (
            "{handle} llevo {days} días esperando una respuesta, esto es una vergüenza",
            "Fatal el servicio de {brand} hoy {emoji_neg}",
            "Otra vez problemas con {product}. {brand} qué mal lo estáis haciendo",
            "Pésima atención al cliente de {brand}. {hours} horas al teléfono para nada",
            "{handle} mi reclamación sigue sin respuesta desde hace {days} días",
            "Muy decepcionada con {brand}, antes funcionaba bien",
            "Qué desastre {brand}, de verdad {emoji_neg}",
            "Estoy harto de {brand}. Siempre lo mismo",
            "{brand} me habéis cobrado dos veces y nadie me contesta en {days} días. Lamentable",
            "Un horror lo de {brand} hoy con {product}, fatal todo",
            "Reclamación puesta a {brand}. Ya veremos si sirve de algo, pero qué mal",
            "{handle} por qué es tan difícil hablar con una persona? Me tenéis harta {emoji_neg}",
            "Mal, muy mal {brand}",
            "Menuda tomadura de pelo lo de {brand}",
            "{brand} cada vez peor, qué pena",
            "Lo de {brand} es de chiste. Otra vez error en la app",
            "Me quejo poco pero lo de {brand} esta semana es lamentable",
            "{handle} sigo esperando. {days} días. Ni un correo. Servicio pésimo",
            "Terrible experiencia con {product}. No vuelvo a {brand}",
            "Pues {brand} me ha dejado tirada otra vez con {product}, fatal",
            "Qué decepción {brand}. Con lo bien que iba todo",
            "{brand} no funciona la app desde esta mañana, un desastre",
            "Horrible el trato en {place}. {brand} deberíais revisar esto",
            "Vaya servicio más malo el de {brand} últimamente",
            "No contestan en {handle} y llevo {hours} horas escribiendo. Qué vergüenza",
            "Error tras error con {brand}. Cansada y enfadada",
            "Con {brand} siempre hay algún problema. Siempre {emoji_neg}",
            "{brand} de mal en peor. Nefasto",
            "La app de {brand} es un caos, imposible hacer nada",
            "Me han cobrado de más en {brand} y encima me toca reclamar yo. Lamentable",
            "Qué mala experiencia con {handle} hoy, ni caso me han hecho",
            "Otra semana, otro problema con {product}. {brand} espabilad",
            "bro {brand} está fatal hoy, no jala nada",
            "{brand} neta qué mal servicio, ya me cansé",
            "Ya es la {n}ª vez que me pasa con {brand}. Indignada",
            "Pedí ayuda a {handle} y me mandaron un mensaje automático absurdo. Malísimo el servicio",
            "Hoy {brand} me ha hecho perder la mañana entera. Fatal",
            "Escribo por aquí porque por teléfono es imposible. {handle} qué pasa con mi reclamación??",
            "Muy mal {brand}, una queja más a la lista {tag}",
            "Precio alto y servicio malo. {brand} así no",
            "Penoso lo de {brand} con {product}. Cero profesionalidad",
            "Decepcionado con {brand} después de {n} años. Pésimo cambio",
        ),
        "en": (
            "{handle} been waiting {days} days for a reply, this is ridiculous",
            "Terrible service from {brand} today {emoji_neg}",
            "Another problem with {product}. {brand} sort it out",
            "Awful customer service at {brand}. {hours} hours on hold",
            "{handle} my complaint still has no response after {days} days",
            "Really disappointed with {brand}, used to be good",
            "{brand} what a mess. Terrible {emoji_neg}",
            "Fed up with {brand}. Same problem every single time, so annoying",
            "{brand} charged me twice and still no answer after {days} days. Unacceptable",
            "Worst experience with {product} this week. Cheers {brand}, really helpful (not)",
            "{handle} why is it so hard to talk to an actual human? Frustrating",
            "Bad, really bad {brand}",
            "{brand} keeps getting worse tbh",
            "The {brand} app is broken again. Joke",
            "I rarely complain but {brand} this week has been awful",
            "{handle} still waiting. {days} days. Not a single email. Pathetic",
            "Horrible experience with {product}. Done with {brand}",
            "{brand} let me down again with {product} smh. So disappointing",
            "So disappointed with {brand}. Everything used to work",
            "{brand} app not working since this morning, total chaos",
            "Rude staff in {place}. {brand} you need to look at this",
            "{brand} has been really bad lately",
            "No reply from {handle} after {hours} hours of messages. Shameful",
            "Error after error with {brand}. Tired and annoyed",
            "Always some problem with {brand}. Always {emoji_neg}",
            "{brand} going from bad to worse",
            "The {brand} app is a nightmare, can't do anything",
            "Overcharged by {brand} and now I have to chase them. Ridiculous",
            "Bad experience with {handle} today, they just ignored me",
            "Another week, another issue with {product}. Really annoying, do better {brand}",
            "{brand} is a joke today fr",
            "This has happened {n} times now with {brand}. Furious",
            "Asked {handle} for help and got a useless automated reply. Awful",
            "Wasted my whole morning thanks to {brand}. Useless",
            "{handle} what's going on with my complaint?? Still waiting",
            "Terrible {brand}, adding this to my list of complaints {tag}",
            "High prices and bad service. {brand} that's a fail",
            "Pathetic handling of {product} by {brand}. Zero professionalism",
            "Disappointed with {brand} after {n} years. Such a shame",
            "Unhelpful, slow and rude. {brand} customer service in a nutshell",
        ),
    },
    "question": {
        "es": (
            "{handle} hola, ¿a qué hora abre atención al cliente?",
            "¿Alguien sabe si {brand} funciona en {place}?",
            "{handle} ¿se puede cambiar {product} desde la app?",
            "Pregunta para {brand}: ¿hay descuento para estudiantes?",
            "¿Cómo se da de baja una tarjeta en la cuenta de {brand}?",
            "{handle} buenas, ¿dónde puedo ver mis facturas?",
            "¿{brand} tiene número de teléfono o solo chat?",
            "Alguien ha probado {brand}? Qué tal?",
            "{handle} ¿tenéis app para tablet?",
            "¿Cuánto se tarda normalmente en gestionar {product} con {brand}?",
            "Holaa {handle}, una duda: ¿se puede pagar con Bizum?",
            "¿Sabéis si {brand} hace ofertas el Black Friday?",
            "{handle} cuando sale la nueva versión de la app?",
            "Gente que usa {brand}: ¿merece la pena el plan anual?",
            "¿Dónde se ponen los códigos promocionales en {brand}?",
            "{handle} ¿puedo cambiar el correo de mi cuenta?",
            "¿{brand} opera también en {place} o solo en capitales?",
            "Consulta rápida {handle}: ¿la factura llega por email?",
            "¿Alguien trabaja en {brand} y me cuenta qué tal es?",
            "{handle} qué documentación necesito para {product}?",
            "¿Hay algún código de {brand} para nuevos clientes?",
            "Oigan {handle}, ¿tienen atención en fin de semana?",
            "¿Por dónde se contacta con {brand}, por aquí o por la web?",
            "{handle} una pregunta, ¿el precio incluye IVA?",
            "¿Alguien ha usado {brand} desde {place}? ¿Qué tal os va?",
            "¿Es normal que {brand} pida el DNI para registrarse?",
            "{handle} ¿puedo añadir a otra persona a mi cuenta?",
            "Quién me recomienda, {brand} u otra? Acepto opiniones",
            "{handle} cómo activo las notificaciones?",
            "¿Qué horario tiene {brand} en festivos?",
            "Disculpen {handle}, ¿cómo actualizo mis datos de pago?",
        ),
        "en": (
            "{handle} hi, what time does customer support open?",
            "Does anyone know if {brand} works in {place}?",
            "{handle} can I change {product} in the app?",
            "Question for {brand}: any student discount?",
            "How do I remove a card from my {brand} account?",
            "{handle} hello, where can I find my invoices?",
            "Does {brand} have a phone number or is it chat only?",
            "Anyone tried {brand}? Worth it?",
            "{handle} is there an app for tablets?",
            "How long does it usually take to sort {product} with {brand}?",
            "Hey {handle}, quick one: can I pay with PayPal?",
            "Is {brand} doing anything for Black Friday?",
            "{handle} when's the next app update coming out?",
            "People who use {brand}: is the yearly plan worth it?",
            "Where do I enter a promo code on {brand}?",
            "{handle} can I change the email on my account?",
            "Does {brand} operate in {place} too?",
            "Quick question {handle}: do invoices come by email?",
            "Does anyone work at {brand}? What's it like?",
            "{handle} what documents do I need for {product}?",
            "Any referral code for {brand} new customers?",
            "{handle} do you have support at weekends?",
            "What's the best way to contact {brand}, here or the website?",
            "{handle} does the price include VAT?",
            "Anyone using {brand} from {place}? How is it?",
            "Is it normal that {brand} asks for ID to sign up?",
            "{handle} can I add another person to my account?",
            "{brand} or the competition? Asking for opinions",
            "{handle} how do I turn on notifications?",
            "What are {brand} opening hours on bank holidays?",
            "Sorry {handle}, how do I update my payment details?",
            "{handle} is the English version of the site coming back?",
        ),
    },
    "neutral": {
        "es": (
            "{brand} lanza una nueva versión de su app con modo oscuro",
            "{brand} anuncia que ampliará su servicio a {place} el próximo año",
            "Según un informe del sector, {brand} gana cuota de mercado este trimestre",
            "{brand} presenta sus resultados anuales este jueves",
            "La plantilla de {brand} en {place} se reúne hoy con la dirección",
            "{brand} cambia su logo y su web {tag}",
            "{brand} contratará a {n}00 personas en los próximos meses, según la empresa",
            "Nuevo anuncio de {brand} en la tele, con canción pegadiza incluida",
            "{brand} patrocinará el festival de música de {place} este verano",
            "La app de {brand} ya está disponible también en catalán y gallego",
            "{brand} actualiza sus condiciones de uso a partir del día 1",
            "{brand} abre oficina en {place}",
            "Entrevista al director general de {brand} en la radio esta mañana",
            "{brand} se une a la campaña de reciclaje del ayuntamiento de {place}",
            "He visto que {brand} tiene nueva web",
            "{brand} estará en la feria de innovación de {place} la semana que viene",
            "Dato: {brand} tiene ya más de {n} millones de clientes, según su memoria",
            "{brand} renueva su programa de puntos {tag}",
            "El nuevo spot de {brand} está rodado en {place}",
            "{brand} publica su informe de sostenibilidad",
            "{brand} cambia de consejero delegado",
            "Mañana {brand} hace mantenimiento de la web de 2 a 4 de la madrugada",
            "{brand} y el ayuntamiento de {place} firman un acuerdo de colaboración",
            "{brand} cumple {n} años en el mercado {tag}",
            "Parece que {brand} va a subir al patrocinio del equipo local de {place}",
            "{brand} incorpora pago con Bizum en su app",
            "Hilo: cómo funciona por dentro una empresa como {brand} 🧵",
            "{brand} ha publicado ofertas de empleo en {place}",
            "Leo que {brand} prepara una campaña para Navidad",
            "Nota de prensa de {brand} sobre su nuevo centro en {place}",
        ),
        "en": (
            "{brand} launches a new version of its app with dark mode",
            "{brand} announces expansion to {place} next year",
            "{brand} gains market share this quarter, according to an industry report",
            "{brand} presents annual results on Thursday",
            "{brand} staff in {place} meet management today",
            "{brand} has a new logo and website {tag}",
            "{brand} says it will hire {n}00 people in the coming months",
            "New {brand} TV ad out, catchy song included",
            "{brand} to sponsor the {place} music festival this summer",
            "{brand} app now available in more languages",
            "{brand} updates its terms of use from the 1st",
            "{brand} opens an office in {place}",
            "{brand} CEO interviewed on the radio this morning",
            "Noticed {brand} has a new website",
            "{brand} will be at the {place} innovation fair next week",
            "{brand} claims more than {n} million customers in its annual report",
            "{brand} revamps its loyalty programme {tag}",
            "The new {brand} ad was filmed in {place}",
            "{brand} publishes its sustainability report",
            "{brand} names a new chief executive",
            "{brand} website maintenance tomorrow between 2 and 4am",
            "{brand} signs a partnership with the {place} city council",
            "{brand} turns {n} years old {tag}",
            "Looks like {brand} is sponsoring the local team in {place} now",
            "{brand} adds Apple Pay to its app",
            "Thread: how a company like {brand} actually works behind the scenes 🧵",
            "{brand} is hiring in {place}",
            "Reading that {brand} is planning a Christmas campaign",
            "Press release from {brand} about its new hub in {place}",
            "{brand} is now on Bluesky too",
        ),
    },
    "chatter": {
        "es": (
            "Hoy me toca {brand}, a ver qué tal",
            "Mi madre acaba de descubrir {brand} y ahora me manda audios contándomelo jajaja",
            "Plan del finde: sofá, manta y peli. Lo único pendiente, {product} {tag}",
            "Cuando dices que vas a ahorrar y acabas abriendo la app de {brand} 😂",
            "El anuncio de {brand} se me ha metido en la cabeza y no sale",
            "Mi compi de piso y yo discutiendo sobre {brand} a las 2 de la mañana",
            "{brand} en {place}, qué más se puede pedir jaja",
            "Gestionando {product} con {brand}, deseadme suerte 😂",
            "Literalmente todo mi grupo de amigos usa {brand}",
            "Sponsor no oficial de mi vida: {brand}",
            "Alguien más con la canción de {brand} en bucle?",
            "Mood: revisar la app de {brand} cada cinco minutos 😂",
            "Hoy he soñado con {brand}. Necesito vacaciones",
            "Mi abuela dice {brand} con acento inglés y me da la vida",
            "Estoy en {place} y he visto una furgo de {brand}, me ha hecho ilusión jaja",
            "El community de {brand} tiene más gracia que yo",
            "Mañana toca {product} con {brand}. Hoy, a descansar",
            "Que alguien me explique por qué el logo de {brand} es de ese color",
            "Haciendo cuentas del mes y {brand} sale en todas partes jaja",
            "Pues {brand} y yo ya somos familia a estas alturas",
            "Un café, {brand} y a empezar el lunes",
            "Tengo una teoría sobre el nombre de {brand} y nadie me la ha pedido",
            "Cuando {brand} te manda notificación justo cuando estás pensando en ellos 👀",
            "Ir a {place} y pensar en {brand}, cosas que pasan",
            "Mi perro reacciona al sonido de la app de {brand}, no es broma",
            "Dato random: el primer tuit que vi de {brand} fue hace {n} años",
            "Que no se me olvide: mañana {product} {tag}",
            "Oye pues {brand} tiene un merch curioso",
            "Mi padre leyendo las condiciones de {brand} con gafas y lupa jajaja",
            "Tarde de domingo mirando la app de {brand} sin comprar nada",
            "Se me ha ocurrido un meme de {brand} y no tengo con quién compartirlo",
        ),
        "en": (
            "Sorting {product} with {brand} today, wish me luck 😂",
            "My mum just discovered {brand} and now she sends me voice notes about it lol",
            "Weekend plan: sofa, blanket, film. Only thing left to sort: {product} {tag}",
            "When you promise to save money and end up opening the {brand} app 😂",
            "The {brand} ad jingle is stuck in my head",
            "Me and my flatmate debating {brand} at 2am",
            "{brand} in {place}, what more could you ask for",
            "Literally my whole friend group uses {brand}",
            "Unofficial sponsor of my life: {brand}",
            "Anyone else have the {brand} song on repeat?",
            "Dreamt about {brand} last night. I need a holiday",
            "Saw a {brand} van in {place} and got weirdly excited lol",
            "Whoever runs the {brand} account deserves a raise",
            "Tomorrow it's {product} with {brand}. Tonight, rest",
            "Someone explain the {brand} logo colour to me",
            "Doing my monthly budget and {brand} is everywhere lol",
            "At this point {brand} and I are basically family",
            "Coffee, {brand}, Monday. Let's go",
            "I have a theory about the name {brand} and nobody asked",
            "When {brand} sends a notification right when you're thinking about them 👀",
            "My dog reacts to the {brand} app sound, not joking",
            "Random fact: first {brand} post I ever saw was {n} years ago",
            "Note to self: {product} tomorrow {tag}",
            "{brand} merch is actually kind of cute",
            "My dad reading the {brand} terms and conditions with a magnifying glass 😂",
            "Sunday afternoon scrolling the {brand} app and buying nothing",
            "Thought of a {brand} meme and nobody to share it with",
            "Trying to explain {brand} to my American cousins",
            "Is it just me or does {brand} sound like a band name",
            "Moving to {place} and first thing I set up is {brand} lol",
            "Group chat is 50% memes, 50% arguing about {brand}",
        ),
    },
    "brand_reply": {
        "es": (
            (
                "Hola {author}, sentimos mucho lo ocurrido. ¿Nos escribes por DM con tu número de reserva o pedido y "
                "lo revisamos?"
            ),
            "{author} ¡Hola! Gracias por avisarnos. Te hemos enviado un mensaje privado para ayudarte",
            "Hola {author}, lamentamos las molestias. Cuéntanos por privado qué ha pasado y lo vemos contigo",
            "{author} entendemos tu enfado y tienes razón en quejarte. Ya estamos revisando tu caso",
            (
                "¡Hola {author}! Sí, puedes hacerlo desde la app, en Mi cuenta > Ajustes. Si te atascas, nos dices "
                "{emoji_pos}"
            ),
            "{author} te pedimos disculpas. Hemos escalado tu caso al equipo correspondiente y te contestaremos hoy",
            "Hola {author}, para poder ayudarte necesitamos tu email de registro. Escríbenos por DM, por favor",
            "{author} gracias por tu paciencia. Tu incidencia ya está en marcha, te iremos informando",
            "Hola {author}, no es la experiencia que queremos darte. ¿Nos das más detalles por privado?",
            "{author} ¡hola! Atendemos de 8 a 22 h todos los días, y por aquí te respondemos igual {emoji_pos}",
            "Hola {author}, ya lo hemos solucionado. ¿Puedes comprobarlo y nos dices?",
            "{author} lo sentimos de verdad. Te hemos respondido por mensaje directo con los pasos a seguir",
            "Hola {author}, ahora mismo estamos con mucho volumen de consultas. Te atendemos por DM en cuanto podamos",
            "Hola {author}, te lo confirmamos: no tiene coste adicional. ¡Gracias por preguntar!",
            "Hola {author}, tomamos nota. Revisamos el cobro y te confirmamos la devolución por privado",
            "{author} hola, ¿nos confirmas si el problema continúa? Así lo comprobamos",
            "Buenas {author}, sentimos el retraso en contestarte. Mándanos un DM y te ayudamos",
            "{author} tienes toda la razón, esto no debería pasar. Lo estamos revisando",
            "Hola {author}, nos cuentas por DM y lo resolvemos juntos. Un saludo",
            "{author} gracias por escribirnos. Puedes consultarlo también en la sección de ayuda de la app",
            "Hola {author}, tu caso ya tiene número de incidencia. Te escribimos por privado con todos los datos",
        ),
        "en": (
            (
                "Hi {author}, we're really sorry about this. Could you DM us your booking or order number so we can "
                "look into it?"
            ),
            "{author} Hi! Thanks for letting us know. We've sent you a private message to help",
            "Hi {author}, sorry for the trouble. Tell us what happened via DM and we'll sort it out with you",
            "{author} we understand your frustration and you're right to raise it. We're reviewing your case now",
            (
                "Hi {author}! Yes, you can do that in the app under My account > Settings. Shout if you get stuck "
                "{emoji_pos}"
            ),
            "{author} our apologies. We've escalated your case and will get back to you today",
            "Hi {author}, to help you we need your account email. Please send it via DM",
            "{author} thanks for your patience. Your ticket is in progress and we'll keep you posted",
            "Hi {author}, that's not the experience we want for you. Can you give us more details via DM?",
            "{author} hi! Our support hours are 8am to 10pm every day, and we answer here too {emoji_pos}",
            "Hi {author}, this should be fixed now. Could you check and let us know?",
            "{author} we're truly sorry. We've replied by DM with the next steps",
            "Hi {author}, we're handling a high volume of messages right now. We'll get to your DM as soon as we can",
            "Hi {author}, confirmed: there's no extra cost for that. Thanks for asking!",
            "Hi {author}, noted. We're checking the charge and will confirm the refund privately",
            "{author} hi, can you confirm whether the issue is still happening?",
            "Hi {author}, sorry for the slow reply. Drop us a DM and we'll help",
            "{author} you're absolutely right, this shouldn't happen. We're on it",
            "Hi {author}, send us a DM and we'll sort it together",
            "{author} thanks for reaching out. You can also find this in the help section of the app",
            "Hi {author}, your case now has a ticket number. We've DM'd you the details",
        ),
    },
    "rant": {
        "es": (
            "{brand} sois una panda de ineptos. Así de claro",
            "Estoy HASTA LAS NARICES de {brand}. Nunca más",
            "{handle} sois lo peor que me ha pasado este año. Una estafa con logo bonito",
            "A ver {brand}, ¿os reís de la gente o qué? Vergüenza os debería dar {emoji_neg}",
            "Odio a {brand} con todas mis fuerzas. Basura de servicio",
            "{brand} = estafa. Que lo sepa todo el mundo",
            "Qué asco de empresa {brand}. {days} días así. Ladrones",
            "Me tenéis hasta el moño {handle}. Incompetentes de manual",
            "Jamás en la vida he visto algo tan lamentable como {brand}. Pésimo todo",
            "{brand} me cago en vuestra atención al cliente. Una mierda, con perdón",
            "Cabreadísima con {brand}. Os pienso denunciar, que lo sepáis",
            "Ni una más {brand}. Sois un desastre absoluto y unos sinvergüenzas",
            "{handle} menudos ladrones estáis hechos. Devolvedme mi dinero YA",
            "De verdad que {brand} es lo peor. LO PEOR {emoji_neg}{emoji_neg}",
            "Basura, basura y más basura. Eso es {brand}",
            "{brand} qué vergüenza de empresa. Me dais asco",
            "Voy a contar a todo el mundo lo mal que me ha tratado {brand}. Nefastos",
            "{handle} ineptos!!! {hours} horas y nadie sabe nada. Indignante",
            "No tengo palabras para lo de {brand}. Bueno sí: estafadores",
            "Que alguien me explique cómo sigue existiendo {brand} con este servicio tan horrible",
            "{brand} sois unos sinvergüenzas y unos mentirosos. Punto",
            "Harta, hartísima de {brand}. Os odio. Fin",
            "Mi odio hacia {brand} hoy no tiene límites. Vaya timo",
            "{brand} chafa, pinche servicio de porquería, neta qué coraje. Pésimo",
            "Ojalá {brand} quiebre. Lo digo con el corazón. Desastre de empresa",
            "Una empresa que trata así a sus clientes es una vergüenza. Qué asco {brand}",
        ),
        "en": (
            "{brand} you are a bunch of incompetent clowns. There, I said it",
            "I am SO DONE with {brand}. Never again",
            "{handle} worst company I've ever dealt with. A scam with a nice logo",
            "Are you laughing at us {brand}? Absolute disgrace {emoji_neg}",
            "I hate {brand} with every fibre of my being. Garbage service",
            "{brand} = scam. Everyone needs to know",
            "Disgusting company {brand}. {days} days of this. Thieves",
            "I'm sick to death of you {handle}. Useless from top to bottom",
            "{brand} is genuinely the worst. THE WORST {emoji_neg}{emoji_neg}",
            "Garbage, garbage and more garbage. That's {brand}",
            "{brand} what a shameful company. You make me sick",
            "Telling everyone I know how badly {brand} treated me. Awful people",
            "{handle} useless!!! {hours} hours and nobody knows anything. Pathetic",
            "No words for {brand}. Well, one: frauds",
            "How is {brand} still in business with service this horrible?",
            "{brand} you are liars and cowards. Full stop",
            "Fed up, completely fed up with {brand}. I hate you. The end",
            "My hatred for {brand} today knows no limits. Total rip off",
            "Hope {brand} goes bust honestly. Awful company",
            "A company that treats customers like this is a disgrace. Disgusting {brand}",
            "{brand} is crap. Crap service, crap app, crap attitude",
            "WTF {brand}?? This is beyond ridiculous",
            "Going to report {brand} to every authority I can find. Furious doesn't cover it",
            "Every single thing about {brand} sucks. Every. Single. Thing",
            "{brand} customer service should be studied as a case of how to be useless. Terrible",
            "Dear {brand}, you're a joke and a scam. Regards, a furious ex-customer",
        ),
    },
}

FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "es": (
        "Lucía",
        "María",
        "Carmen",
        "Laura",
        "Marta",
        "Paula",
        "Sara",
        "Ana",
        "Elena",
        "Cristina",
        "Irene",
        "Nuria",
        "Alba",
        "Claudia",
        "Andrea",
        "Rocío",
        "Pilar",
        "Inés",
        "Julia",
        "Noelia",
        "Ainhoa",
        "Itziar",
        "Montse",
        "Mireia",
        "Lorena",
        "Valeria",
        "Ximena",
        "Fernanda",
        "Guadalupe",
        "Camila",
        "Daniela",
        "Renata",
        "Mariana",
        "Sofía",
        "Brenda",
        "Yesenia",
        "Javier",
        "Carlos",
        "David",
        "Sergio",
        "Pablo",
        "Álvaro",
        "Jorge",
        "Alberto",
        "Rubén",
        "Iván",
        "Raúl",
        "Manuel",
        "Antonio",
        "Francisco",
        "Miguel",
        "Adrián",
        "Hugo",
        "Marcos",
        "Íker",
        "Jordi",
        "Xabier",
        "Óscar",
        "Diego",
        "Alejandro",
        "Santiago",
        "Emiliano",
        "Rodrigo",
        "Luis",
        "Jesús",
        "Ulises",
        "Joaquín",
        "Mateo",
        "Leonardo",
        "Tomás",
    ),
    "en": (
        "Emma",
        "Olivia",
        "Sophie",
        "Charlotte",
        "Amelia",
        "Grace",
        "Lucy",
        "Hannah",
        "Chloe",
        "Megan",
        "Jessica",
        "Rachel",
        "Laura",
        "Kate",
        "Sarah",
        "Emily",
        "Aoife",
        "Niamh",
        "Siobhan",
        "Ciara",
        "Ashley",
        "Brittany",
        "Madison",
        "Kayla",
        "Hailey",
        "Fiona",
        "Isla",
        "Zoe",
        "Priya",
        "Jack",
        "Oliver",
        "Harry",
        "George",
        "James",
        "Thomas",
        "Daniel",
        "Matthew",
        "Ryan",
        "Liam",
        "Sean",
        "Conor",
        "Cian",
        "Declan",
        "Callum",
        "Jamie",
        "Ben",
        "Tom",
        "Mark",
        "Paul",
        "Chris",
        "Josh",
        "Tyler",
        "Brandon",
        "Kevin",
        "Jason",
        "Ethan",
        "Noah",
        "Owen",
        "Rhys",
        "Aidan",
        "Ravi",
        "Dylan",
        "Finn",
        "Hamish",
    ),
}

SURNAMES: dict[str, tuple[str, ...]] = {
    "es": (
        "García",
        "Fernández",
        "González",
        "Rodríguez",
        "López",
        "Martínez",
        "Sánchez",
        "Pérez",
        "Gómez",
        "Martín",
        "Jiménez",
        "Ruiz",
        "Hernández",
        "Díaz",
        "Moreno",
        "Muñoz",
        "Álvarez",
        "Romero",
        "Alonso",
        "Gutiérrez",
        "Navarro",
        "Torres",
        "Domínguez",
        "Vázquez",
        "Ramos",
        "Gil",
        "Ramírez",
        "Serrano",
        "Blanco",
        "Molina",
        "Morales",
        "Suárez",
        "Ortega",
        "Delgado",
        "Castro",
        "Ortiz",
        "Rubio",
        "Marín",
        "Sanz",
        "Núñez",
        "Iglesias",
        "Medina",
        "Garrido",
        "Cortés",
        "Castillo",
        "Santos",
        "Lozano",
        "Guerrero",
        "Cano",
        "Prieto",
        "Méndez",
        "Cruz",
        "Calvo",
        "Gallego",
        "Vidal",
        "León",
        "Herrera",
        "Márquez",
        "Peña",
        "Flores",
        "Cabrera",
        "Campos",
        "Vega",
        "Fuentes",
        "Carrasco",
        "Aguilar",
        "Salazar",
        "Villanueva",
        "Zubiri",
        "Etxeberria",
        "Puig",
        "Ferrer",
        "Soler",
    ),
    "en": (
        "Smith",
        "Jones",
        "Williams",
        "Taylor",
        "Brown",
        "Davies",
        "Evans",
        "Wilson",
        "Thomas",
        "Johnson",
        "Roberts",
        "Robinson",
        "Thompson",
        "Wright",
        "Walker",
        "White",
        "Edwards",
        "Hughes",
        "Green",
        "Hall",
        "Lewis",
        "Harris",
        "Clarke",
        "Patel",
        "Jackson",
        "Wood",
        "Turner",
        "Martin",
        "Cooper",
        "Hill",
        "Ward",
        "Morris",
        "Moore",
        "Clark",
        "Lee",
        "King",
        "Baker",
        "Harrison",
        "Morgan",
        "Allen",
        "James",
        "Scott",
        "Phillips",
        "Watson",
        "Davis",
        "Parker",
        "Price",
        "Bennett",
        "Young",
        "Griffiths",
        "Mitchell",
        "Kelly",
        "Murphy",
        "O'Brien",
        "Byrne",
        "Ryan",
        "O'Sullivan",
        "Walsh",
        "Doyle",
        "McCarthy",
        "Gallagher",
        "Kennedy",
        "Quinn",
        "Fitzgerald",
        "Miller",
        "Anderson",
        "Campbell",
        "Stewart",
        "MacDonald",
        "Reid",
    ),
}

HANDLE_WORDS: tuple[str, ...] = (
    "viajera",
    "viajero",
    "runner",
    "cafe",
    "gamer",
    "mama",
    "papa",
    "dev",
    "foodie",
    "madrileña",
    "surfer",
    "lectora",
    "lector",
    "cocina",
    "gato",
    "gata",
    "perruno",
    "musica",
    "cine",
    "futbolero",
    "yogui",
    "profe",
    "enfermera",
    "medico",
    "abogada",
    "arquitecto",
    "design",
    "foto",
    "ciclista",
    "monte",
    "playa",
    "sol",
    "luna",
    "norte",
    "sur",
    "barrio",
    "huerto",
    "vino",
    "tapas",
    "taco",
    "chilango",
    "tapatia",
    "regia",
    "andaluza",
    "gallego",
    "vasca",
    "isleno",
    "nomad",
    "traveller",
    "wanderer",
    "coffee",
    "tea",
    "books",
    "hiker",
    "baker",
    "cook",
    "mum",
    "dad",
    "teacher",
    "nurse",
    "coder",
    "geek",
    "music",
    "film",
    "footy",
    "expat",
    "sunny",
    "beach",
    "rambler",
    "daily",
    "real",
    "official",
    "the",
    "just",
    "plantas",
    "vintage",
    "retro",
    "pixel",
    "minimal",
    "crypto",
    "yoga",
)

MEDIA: tuple[tuple[str, str], ...] = (
    ("@diario_litoral", "Diario del Litoral"),
    ("@gaceta_meseta", "La Gaceta de la Meseta"),
    ("@cronica_cierzo", "Crónica del Cierzo"),
    ("@el_candil_digital", "El Candil Digital"),
    ("@noticias_alameda", "Noticias Alameda"),
    ("@consumo_alborada", "Alborada, asociación de consumidores"),
    ("@voz_usuarios_red", "Red Voz de los Usuarios"),
    ("@brightwater_trib", "The Brightwater Tribune"),
    ("@sunward_gazette", "Sunward Expat Gazette"),
    ("@gannet_travel", "Gannet Travel Desk"),
    ("@marta_quiroga_per", "Marta Quiroga, periodista"),
    ("@lquintanar_eco", "Lorenzo Quintanar, economía"),
    ("@helen_ashgrove", "Helen Ashgrove, consumer reporter"),
    ("@tomas_revuelta_tv", "Tomás Revuelta, Canal Mirador"),
    ("@el_sendero_mx", "El Sendero MX"),
    ("@costa_clara_news", "Costa Clara News"),
    ("@consumer_lantern", "Consumer Lantern, consumer group"),
)

INFLUENCERS: tuple[tuple[str, str], ...] = (
    ("@lauramochilea", "Laura Mochilea"),
    ("@elchicodelamaleta_azul", "El chico de la maleta azul"),
    ("@cocina_con_ximena_b", "Cocina con Ximena"),
    ("@techneando_ya", "Techneando"),
    ("@mamadetresymedio", "Mamá de tres y medio"),
    ("@danirutas_bcn", "Dani Rutas"),
    ("@nomadicnora_es", "Nomadic Nora"),
    ("@mochila_y_presupuesto", "Mochila y Presupuesto"),
    ("@regiafoodie_mty", "La Regia Foodie"),
    ("@pau_opina_de_todo", "Pau opina de todo"),
    ("@gigabit_gabi", "Gigabit Gabi"),
    ("@expat_ellie_es", "Expat Ellie in Spain"),
)

# A detractor won back: what someone who complained during a wave writes days later, once
# the brand answered them (the scenario's converted detractors, docs/community.md).
CONVERTED: Templates = {
    "es": (
        "Tengo que decirlo: {handle} me llamó, me lo han solucionado todo y fueron muy amables. Gracias {emoji_pos}",
        "Muy bien {brand}: me han devuelto el dinero enseguida y con mucha amabilidad. Gracias",
        "Actualizo: {brand} ya me ha resuelto lo del {product}. Se agradece la atención {emoji_pos}",
        "Reconozco que {handle} respondió y lo arregló en un par de días. Buen trato, gracias",
        "Pues nada, {brand} me ha compensado y todo bien. Gracias por escuchar {emoji_pos}",
        "Cerrado lo mío con {brand}: me atendieron genial y quedó resuelto. Gracias al equipo",
        "Hoy toca dar las gracias a {handle}: lo han solucionado rápido y con muy buen trato",
        "Contenta con la respuesta de {brand}, me lo han arreglado todo. Gracias de verdad",
    ),
    "en": (
        "Update: {handle} called me, sorted everything out and were really kind. Thank you {emoji_pos}",
        "Well done {brand}, quick refund and a lovely apology. Much appreciated {emoji_pos}",
        "To be fair {brand} fixed my {product} issue in a couple of days. Thanks for listening {emoji_pos}",
        "Credit where it's due: {handle} answered and made it right. Great service, thanks",
        "All good now with {brand}, they compensated me and were lovely about it. Thanks team",
        "Happy to say {brand} resolved my case quickly and kindly. Thank you {emoji_pos}",
        "Thanks {handle} for getting back to me and fixing it, really appreciate it",
        "Thank you {brand}, problem solved and a really friendly team {emoji_pos}",
    ),
}

EMOJI_POSITIVE: tuple[str, ...] = (
    "😍",
    "❤️",
    "💚",
    "😊",
    "🙂",
    "😀",
    "😁",
    "👍",
    "🙌",
    "🥰",
    "🎉",
    "💯",
    "🤩",
    "👏",
    "✨",
)
EMOJI_NEGATIVE: tuple[str, ...] = ("😡", "🤬", "😠", "😤", "😢", "😭", "👎", "🙄", "😒", "😞", "😩", "😫", "🤮")


_VUELAYA = BrandVoice(
    id="vuelaya",
    name="Vuelaya",
    handles=("@vuelaya", "@vuelaya_ayuda"),
    tags=("vuelaya",),
    spanish_share=0.7,
    products={
        "es": (
            "el vuelo a Roma",
            "el vuelo de vuelta",
            "la maleta de cabina",
            "el vuelo a Tenerife",
            "el embarque prioritario",
            "el billete de ida y vuelta",
            "el vuelo de las 7",
            "el asiento con más espacio",
            "el vuelo a París",
            "la tarjeta de embarque",
            "el vuelo a Lanzarote",
            "la facturación online",
        ),
        "en": (
            "my flight to Lisbon",
            "the return flight",
            "my cabin bag",
            "the flight to Malaga",
            "priority boarding",
            "the early morning flight",
            "my boarding pass",
            "the extra legroom seat",
            "our flight home",
            "the flight to Palma",
            "online check-in",
            "the weekend trip to Seville",
        ),
    },
    places=(
        "Madrid",
        "Barcelona",
        "Málaga",
        "Palma",
        "Tenerife",
        "Lanzarote",
        "Sevilla",
        "Bilbao",
        "Valencia",
        "Ibiza",
        "Alicante",
        "Santiago",
        "Gran Canaria",
        "Menorca",
    ),
    everyday={
        "praise": {
            "es": (
                "Aterrizamos en {place} {n} minutos antes de hora. Gracias {handle}, así da gusto volar",
                "La tripulación de {brand} hoy, un encanto. Amables con todos {emoji_pos}",
                "Vuelo a {place} por 19 euros y puntualísimo. {brand} te quiero jajaja",
                "Primera vez con {brand} y todo perfecto: embarque rápido y asientos limpios",
                "Lo de la facturación online de {brand} es comodísimo, en dos minutos lista",
                "Gracias al comandante de {brand} por avisar de las turbulencias con tanta calma. Genial",
                "{brand} me ha cambiado {product} gratis. Atención excelente",
                "Viaje a {place} redondo. Puntuales a la ida y a la vuelta {tag}",
                "Me encanta que {brand} tenga vuelos directos desde {place}, un lujo",
                "Azafatas de {brand} en el vuelo a {place}: sois lo mejor {emoji_pos}",
                "Vale la pena {brand}, barato y sin problemas. Recomendado",
                "El embarque por grupos de {brand} funciona genial, ni una cola",
                "Volé con mi bebé y la tripulación de {brand} fue súper atenta. Gracias de corazón",
                "{brand} puntual otra vez. Empiezo a pensar que lo del low cost caótico es un mito {emoji_pos}",
            ),
            "en": (
                "Landed in {place} {n} minutes early. Thanks {handle}, that's how it's done",
                "{brand} crew today were lovely. Friendly with everyone {emoji_pos}",
                "Flight to {place} for 25 euros and on time. Love {brand}",
                "First time flying {brand} and everything was perfect: quick boarding, clean seats",
                "{brand} online check-in is so smooth, done in two minutes",
                "The {brand} pilot explained the turbulence so calmly. Great job",
                "{brand} changed {product} for free. Excellent service",
                "Perfect trip to {place}. On time both ways {tag}",
                "Love that {brand} flies direct from {place}, brilliant",
                "The {brand} cabin crew on the {place} flight were the best {emoji_pos}",
                "Cheap and no problems. {brand} is worth it, recommend",
                "Flew with a toddler and the {brand} crew were so kind and helpful. Thank you",
                "Honestly impressed with {brand}, on time again {emoji_pos}",
            ),
        },
        "complaint": {
            "es": (
                "Vuelo a {place} con {hours} horas de retraso y sin explicación. {brand} otra vez, qué mal",
                "Cobrarme 45 euros por la maleta de mano es un abuso, {brand}",
                "{handle} el vuelo a {place} lleva {n} horas retrasado y nadie informa. Fatal",
                "Asientos cada vez más pequeños en {brand}. Voy con las rodillas en la boca, qué mal",
                "La app de {brand} se cuelga justo al sacar la tarjeta de embarque. Desastre",
                "{brand} me ha perdido la maleta en {place}. Tres días sin ropa {emoji_neg}",
                "Cola de una hora para facturar en {place}. {brand} pon más personal, por favor, es lamentable",
                "Retrasado otra vez {brand}. Ya ni me sorprende",
                "Me habéis separado de mi hijo de {n} años en el avión para cobrarme el asiento. Vergonzoso {brand}",
                "Llevo {days} días esperando la respuesta de {handle} por mi maleta rota",
                "{brand} el vuelo de vuelta desde {place} con {hours} horas de retraso. Pésimo",
                "Qué mala suerte con {brand}, segunda vez este mes con retraso",
                "La puerta de embarque cambiada tres veces sin avisar. {brand} menudo caos",
                "{handle} me cobrasteis la tarjeta de embarque en el aeropuerto. Un timo",
            ),
            "en": (
                "Flight to {place} delayed {hours} hours. Terrible, {brand} again",
                "45 euros for a cabin bag is a rip off, {brand}",
                "{handle} the flight to {place} is {n} hours late and there's zero information. Terrible",
                "{brand} seats get smaller every year. Knees in my face, awful",
                "The {brand} app crashes right when I need the boarding pass. Useless",
                "{brand} lost my suitcase in {place}. Three days with no clothes {emoji_neg}",
                "An hour queue to check in at {place}. {brand} this is ridiculous",
                "Delayed again {brand}. Not even surprised anymore",
                "{brand} sat my {n}-year-old away from me so I'd pay for seats. Shameful",
                "{handle} waiting {days} days for an answer about my broken suitcase",
                "Return flight from {place} delayed {hours} hours. Awful, {brand}",
                "Gate changed three times with zero info. {brand} chaos",
                "{handle} charged me at the airport for a boarding pass. Total scam",
            ),
        },
        "question": {
            "es": (
                "{handle} ¿la mochila de 40x20x25 entra como equipaje gratis?",
                "¿Alguien sabe si {brand} deja llevar el carrito del bebé hasta la puerta?",
                "{handle} ¿cuándo abre la facturación online para el vuelo a {place}?",
                "¿Con {brand} se puede llevar comida en la cabina?",
                "{handle} hola, ¿el vuelo a {place} de mañana sale de la T1 o de la T2?",
                "¿Cuánto cobra {brand} por cambiar el nombre de un billete?",
                "{handle} ¿puedo viajar con mi perro pequeño en cabina?",
                "Preguntita para {brand}: ¿hay wifi a bordo?",
                "¿Sabéis si {brand} vuela a {place} en invierno?",
                "{handle} ¿el embarque prioritario incluye maleta grande?",
                "¿{brand} acepta el DNI vencido para vuelos nacionales?",
                "Gente que vuela con {brand}: ¿los asientos de salida de emergencia merecen la pena?",
                "{handle} cuántos kilos se pueden facturar?",
            ),
            "en": (
                "{handle} does a 40x20x25 backpack count as the free bag?",
                "Anyone know if {brand} lets you take the pushchair to the gate?",
                "{handle} when does online check-in open for the flight to {place}?",
                "Can you bring food on board with {brand}?",
                "{handle} hi, does tomorrow's flight to {place} leave from T1 or T2?",
                "How much does {brand} charge to change the name on a ticket?",
                "{handle} can I fly with my small dog in the cabin?",
                "Quick question for {brand}: is there wifi on board?",
                "Does {brand} fly to {place} in winter?",
                "{handle} does priority boarding include a big bag?",
                "Do I need a passport or is my ID card enough for {brand} flights within Spain?",
                "People who fly {brand}: are the emergency exit seats worth paying for?",
                "{handle} what's the checked bag weight limit?",
            ),
        },
        "neutral": {
            "es": (
                "{brand} abrirá una nueva ruta entre {place} y Oporto en primavera",
                "{brand} incorpora {n} aviones nuevos a su flota este año",
                "{brand} lanza su programación de verano con más vuelos a las islas",
                "Los vuelos de {brand} a {place} ya se pueden reservar para Semana Santa",
            ),
            "en": (
                "{brand} to open a new route between {place} and Porto in spring",
                "{brand} adds {n} new aircraft to its fleet this year",
                "{brand} announces its summer schedule with more flights to the islands",
                "{brand} flights to {place} now on sale for Easter",
            ),
        },
        "chatter": {
            "es": (
                "Aeropuerto de {place} a las 6 de la mañana, un café y {brand}. Empiezan las vacaciones {tag}",
                "Los aplausos al aterrizar en un vuelo de {brand}: ¿sí o no? Debate",
                "Mi técnica para la maleta de cabina de {brand}: cuatro capas de ropa puestas",
                "Ya tengo los billetes a {place} con {brand}. Ahora a contar los días",
                "Cada vez que suena la musiquita de {brand} al aterrizar me siento en casa",
                "Vuelo de {brand} lleno de despedidas de soltero. Va a ser un viaje largo jaja",
                "Modo avión activado. Nos vemos en {place} {tag}",
                "Mi madre ha llegado al aeropuerto {n} horas antes del vuelo de {brand}, por si acaso",
            ),
            "en": (
                "{place} airport at 6am, coffee and {brand}. Holiday starts now {tag}",
                "Clapping when the {brand} plane lands: yes or no? Discuss",
                "My {brand} cabin bag strategy: wear four layers of clothes",
                "Booked flights to {place} with {brand}. Counting the days now",
                "{brand} flight full of stag dos. This is going to be a long one lol",
                "Airplane mode on. See you in {place} {tag}",
                "My mum got to the airport {n} hours early for a {brand} flight, just in case",
            ),
        },
    },
    causes=(
        Cause(
            id="cancelled_flights",
            brand="vuelaya",
            title={
                "es": "vuelos cancelados sin aviso",
                "en": "flights cancelled without notice",
            },
            key_terms={
                "es": ("cancelado", "cancelación", "sin aviso", "reembolso", "aeropuerto", "tirados"),
                "en": ("cancelled", "no notice", "refund", "stranded", "airport"),
            },
            sentiment="negative",
            origin={
                "es": (
                    (
                        "{brand} nos ha cancelado el vuelo a {place} SIN AVISO. Nos hemos enterado en la puerta de "
                        "embarque. {n} familias con niños tirados en el aeropuerto y nadie de la compañía da la cara "
                        "{emoji_neg}"
                    ),
                    (
                        "Son las {hours} de la noche y seguimos en el aeropuerto de {place}. {brand} canceló el vuelo "
                        "sin aviso: ni hotel, ni comida, ni reembolso. Lo de esta compañía es vergonzoso"
                    ),
                    (
                        "{handle} vuelo cancelado sin aviso, mostrador cerrado y teléfono que cuelga. Esto es una "
                        "estafa. Tengo una boda mañana y no sé cómo llegar"
                    ),
                    (
                        "Hilo de lo que está pasando en el aeropuerto de {place} con {brand}: cancelado el vuelo de "
                        "las 7, ni un correo, ni un SMS. Más de 100 personas tiradas 🧵"
                    ),
                    (
                        "Llevo {hours} horas en el aeropuerto con dos niños pequeños porque {brand} ha cancelado el "
                        "vuelo sin avisar. Nadie nos da agua ni explicación. Indignada"
                    ),
                    (
                        "Me acaba de llegar el email de {brand}: vuelo cancelado. A las 3 de la madrugada y sale a las "
                        "6. Ni reembolso ni alternativa. Es de vergüenza {tag}"
                    ),
                    (
                        "Atención a quien vuele con {brand} desde {place}: están cancelando vuelos sin aviso y la app "
                        "te dice que «está todo en hora». Un desastre"
                    ),
                    (
                        "{brand} me ha cancelado el vuelo de vuelta y el único que me ofrecen es dentro de {days} "
                        "días. ¿Y el reembolso? ¿Y mi trabajo? Lamentable"
                    ),
                    (
                        "En el aeropuerto de {place} la gente durmiendo en el suelo. Cancelado el vuelo de {brand} sin "
                        "aviso y sin nadie de la compañía. Fatal, de verdad {emoji_neg}"
                    ),
                    (
                        "Pagué el vuelo a {place} hace 3 meses. Hoy {brand} lo cancela sin aviso y el reembolso «en 30 "
                        "días hábiles». Tomadura de pelo"
                    ),
                ),
                "en": (
                    (
                        "{brand} cancelled our flight to {place} with NO notice. Found out at the gate. Families with "
                        "kids stranded at the airport and nobody from the airline anywhere {emoji_neg}"
                    ),
                    (
                        "It's {hours}pm and we're still stuck at {place} airport. {brand} cancelled the flight, no "
                        "notice, no hotel, no food, no refund info. Disgraceful"
                    ),
                    (
                        "{handle} flight cancelled with no notice, desk closed, phone line hangs up. This is a scam. I "
                        "have a wedding tomorrow"
                    ),
                    (
                        "Thread on what's happening at {place} airport with {brand}: the 7am flight cancelled, no "
                        "email, no text. 100+ people stranded 🧵"
                    ),
                    (
                        "{hours} hours at the airport with two toddlers because {brand} cancelled without warning. "
                        "Nobody gives us water or an explanation. Furious"
                    ),
                    (
                        "Just got the email from {brand}: flight cancelled. At 3am, for a 6am flight. Absolutely "
                        "shameful, no refund, no alternative {tag}"
                    ),
                    (
                        "Heads up if you're flying {brand} out of {place}: they're cancelling flights with no notice "
                        "and the app still says on time. Total chaos"
                    ),
                    (
                        "{brand} cancelled my flight home and the only option is in {days} days. What about my refund? "
                        "My job? Unacceptable"
                    ),
                    (
                        "Awful scenes at {place} airport: people sleeping on the floor. {brand} flight cancelled, no "
                        "notice, no staff {emoji_neg}"
                    ),
                    (
                        "Paid for my flight to {place} three months ago. Today {brand} cancels it with no notice and "
                        "says refund in 30 working days. Absolute joke"
                    ),
                ),
            },
            follower={
                "es": (
                    (
                        "A mí también {brand}. Vuelo cancelado sin aviso y aquí sigo en el aeropuerto de {place} "
                        "{emoji_neg}"
                    ),
                    "Lo de {brand} hoy es una vergüenza. Cancelado el mío también",
                    "{handle} exijo el reembolso YA. Cancelado sin aviso y ni un correo",
                    "Mi hermana está tirada en el aeropuerto de {place} con un bebé por culpa de {brand}. Indignante",
                    (
                        "A mí me ha pasado igual que a {origin}: vuelo cancelado sin aviso con {brand}. Es una estafa "
                        "en toda regla"
                    ),
                    (
                        "¿Alguien de {brand} va a dar la cara? Llevamos {hours} horas tirados en el aeropuerto. Qué "
                        "vergüenza"
                    ),
                    (
                        "{brand} cancelado el vuelo a {place}, el de vuelta y mis vacaciones. Sinvergüenzas, eso es lo "
                        "que sois"
                    ),
                    "Nunca más con {brand}. Cancelación sin aviso y el reembolso ni se sabe",
                    "{tag} cancelado también el de las 7. Esto es un caos",
                    "Cientos de personas tiradas en el aeropuerto y {brand} callada. Lamentable",
                    (
                        "Mis padres, de 78 años, tirados en el aeropuerto de {place}. {brand} les canceló el vuelo sin "
                        "aviso. Qué vergüenza"
                    ),
                    "{handle} ¿cuándo pensáis pagar el reembolso? Vuelo cancelado hace {days} días y ni caso",
                    "Me uno. {brand} me ha cancelado el vuelo sin aviso esta mañana. Reclamación puesta",
                    (
                        "El aeropuerto de {place} ahora mismo es un desastre. Todo culpa de {brand} y sus vuelos "
                        "cancelados"
                    ),
                    (
                        "Perdí una entrevista de trabajo porque {brand} canceló el vuelo sin aviso. Indignado no, lo "
                        "siguiente"
                    ),
                    "Lo de {brand} es de denuncia. Cancelado sin aviso, sin hotel, sin nada",
                    "a mi me cancelaron el vuelo de {brand} a las 4 de la mañana por email, q vergüenza",
                    "Otro más tirado en el aeropuerto por {brand}. Cancelado y sin respuesta en el teléfono",
                    "{brand} os cancelan el vuelo sin aviso y luego el reembolso lo quieren dar en vales. Estafa",
                    (
                        "¿Y el reembolso, {handle}? ¿Y el hotel? ¿Y la comida? Llevamos {hours} horas en el suelo del "
                        "aeropuerto. Lamentable"
                    ),
                    (
                        "Estoy viendo los vídeos del aeropuerto de {place} y se me cae la cara de vergüenza. Qué mal "
                        "{brand}"
                    ),
                    "{brand} cancelado sin aviso, es el tercer vuelo este año. Harta",
                    (
                        "Esto que denuncia {origin} es gravísimo. {brand} cancelando vuelos sin aviso y dejando a la "
                        "gente tirada"
                    ),
                    "Pues yo tampoco me libro. {brand} cancelado el vuelo de {place}. Vaya desastre de compañía",
                    "Mi vuelo de {brand} cancelado y la app dice que está en hora. ¿Perdona? Vergüenza",
                    "Pedimos el reembolso hace {days} días tras la cancelación y {brand} sin respuesta. Vergonzoso",
                    "Me cago en {brand}. Cancelado sin aviso con mi hija enferma esperando en casa",
                    "Si tenéis vuelo con {brand} mañana id mirando alternativas. Están cancelando sin aviso. Un horror",
                    (
                        "Cancelación sin aviso, {hours} horas de espera y un bocadillo. Así trata {brand} a la gente. "
                        "Penoso"
                    ),
                    "Lo de {brand} es una estafa: vuelo cancelado y nadie nos da el reembolso",
                    "Pagas barato y te dejan tirado en el aeropuerto. {brand} es un timo",
                    (
                        "Mi boda es mañana en {place} y {brand} me cancela el vuelo sin aviso. Estoy llorando de rabia "
                        "{emoji_neg}"
                    ),
                    "{brand} cancela vuelos sin aviso y ni se disculpa. Es una falta de respeto total",
                    (
                        "Que alguien de {brand} explique por qué cancelan sin aviso. Gente tirada en el aeropuerto "
                        "desde ayer"
                    ),
                    (
                        "Tercera hora en la cola de reclamaciones del aeropuerto de {place}. Vergüenza de {brand}, de "
                        "verdad"
                    ),
                    "Comparto lo de {origin}. A nosotros {brand} nos ha dejado tirados igual. Cancelado sin aviso",
                    "Ya no es el retraso, es que {brand} cancela sin aviso y te dice «reprograme usted». Abusivo",
                    "{brand} me debe el reembolso de un vuelo cancelado desde hace {days} días. Ladrones",
                    "La cancelación de {brand} me ha costado el hotel, el coche y dos días de vacaciones. Desastre",
                    "Ojo con {brand}: vuelo cancelado sin aviso, te reubican en {days} días y el reembolso no llega",
                    (
                        "Y encima {handle} bloquea a quien se queja de los vuelos cancelados. Increíble lo mal que lo "
                        "hacen"
                    ),
                    "Tengo {n} amigos tirados en el aeropuerto de {place} ahora mismo por {brand}. Un abuso",
                    "Gente durmiendo en el suelo del aeropuerto y {brand} sin dar la cara. Qué asco",
                    "Ni aviso, ni hotel, ni reembolso. {brand} eres lo peor {tag}",
                    "neta {brand}?? nos cancelaron el vuelo sin aviso y ni una disculpa. qué poca madre",
                    (
                        "{brand} me canceló el vuelo y me ofrecen un vale en lugar del reembolso. Ni de broma, "
                        "reclamación al canto"
                    ),
                    "Lo de {origin} no es un caso aislado: {brand} lleva días cancelando vuelos sin aviso. Vergüenza",
                    (
                        "Mi abuela con 85 años tirada en el aeropuerto de {place}. Cancelado sin aviso. {brand} sois "
                        "unos sinvergüenzas"
                    ),
                    "{brand} cancela, no avisa y no devuelve el dinero. Pésimo",
                ),
                "en": (
                    "Same here {brand}. Flight cancelled with no notice and I'm still at {place} airport {emoji_neg}",
                    "What {brand} is doing today is a disgrace. Mine got cancelled too",
                    "{handle} I want my refund NOW. Cancelled with no notice, not even an email",
                    "My sister is stranded at {place} airport with a baby because of {brand}. Shameful",
                    (
                        "What {origin} describes happened to me too. {brand} cancelled my flight with no notice too. "
                        "Total scam"
                    ),
                    "Is anyone from {brand} going to show up? {hours} hours stranded at the airport",
                    "{brand} cancelled my flight, my return flight and my holiday. Awful",
                    "Never again {brand}. Cancelled with no notice and no idea when the refund comes",
                    "{tag} the 7am also cancelled. Total chaos",
                    "Hundreds of people stranded at the airport and {brand} says nothing. Pathetic",
                    (
                        "My parents, 78, stranded at {place} airport. {brand} cancelled their flight with no notice. "
                        "Disgraceful"
                    ),
                    "{handle} when are you paying refunds? Flight cancelled {days} days ago and still waiting",
                    "Adding my voice. {brand} cancelled my flight this morning with no notice. Complaint filed",
                    "{place} airport right now is chaos. All thanks to {brand} and its cancelled flights",
                    "Missed a job interview because {brand} cancelled with no notice. Beyond angry",
                    "Cancelled with no notice, no hotel, no food. {brand} should be fined for this",
                    "Got cancelled by email at 4am. {brand} is a joke",
                    "Another one stranded at the airport by {brand}. Cancelled and the phone line is dead, useless",
                    "{brand} cancels your flight with no notice and then wants to refund in vouchers. Scam",
                    "Where's the refund, {handle}? Where's the hotel? {hours} hours on the airport floor. Disgraceful",
                    "Watching the videos from {place} airport and I'm ashamed for {brand}. Awful",
                    "{brand} cancelled with no notice, third flight this year. So fed up, terrible airline",
                    "What {origin} is reporting is serious. {brand} cancelling flights and leaving people stranded",
                    "Me too. {brand} cancelled my {place} flight. What a disaster of an airline",
                    "My {brand} flight is cancelled and the app says on time. Are you kidding me? Ridiculous",
                    "Asked for a refund {days} days ago after the cancellation. {brand}: no response",
                    (
                        "If you're flying {brand} tomorrow start looking at alternatives. They're cancelling with no "
                        "notice. Nightmare"
                    ),
                    (
                        "Cancelled with no notice, {hours} hours waiting and one sandwich. That's how {brand} treats "
                        "people. Pathetic"
                    ),
                    "{brand} cancels, doesn't tell you, doesn't refund. Worst airline in Europe",
                    (
                        "My wedding is tomorrow in {place} and {brand} cancelled my flight with no notice. I'm shaking "
                        "with anger {emoji_neg}"
                    ),
                    "{brand} cancels flights with no notice and won't even apologise. Disrespectful and disgusting",
                    (
                        "Someone at {brand} explain why you cancel with no notice. People stranded at the airport "
                        "since yesterday"
                    ),
                    "Third hour in the complaints queue at {place} airport. {brand} should be ashamed",
                    "Sharing what {origin} posted. {brand} left us stranded too. Cancelled, no notice",
                    (
                        "It's not a delay, {brand} cancels with no notice and tells you to rebook yourself. "
                        "Outrageous, useless airline"
                    ),
                    "{brand} has owed me a refund for a cancelled flight for {days} days. Thieves",
                    "The {brand} cancellation cost me the hotel, the car and two days of holiday. Furious",
                    (
                        "Warning about {brand}: flight cancelled with no notice, rebooked in {days} days, refund never "
                        "arrives. Terrible"
                    ),
                    "And {handle} is blocking people who complain about the cancelled flights. Shameful",
                    "{n} of my mates are stranded at {place} airport right now because of {brand}. Disgusting",
                    "People sleeping on the airport floor and {brand} nowhere to be seen. Disgraceful",
                    "No notice, no hotel, no refund. {brand} you're the worst {tag}",
                    (
                        "Flew in from Dublin for a funeral and {brand} cancelled my connection with no notice. "
                        "Heartless and awful"
                    ),
                    (
                        "{brand} offered me a voucher instead of a refund for the cancelled flight. Not a chance. "
                        "Complaint filed"
                    ),
                    (
                        "What {origin} went through isn't a one-off: {brand} has been cancelling flights for days. "
                        "Disgrace"
                    ),
                    "My 85-year-old gran stranded at {place} airport. Cancelled, no notice. {brand} you're disgraceful",
                    (
                        "Stuck at the airport, flight cancelled, {brand} customer service useless. Great holiday "
                        "start, cheers (not)"
                    ),
                    "Travel tip: never book {brand}. Cancelled flights, no notice, stranded for hours, refund chaos",
                    "{brand} why is the refund form broken?? Cancelled flight and now this. Pathetic",
                    (
                        "Spent my birthday stranded at {place} airport thanks to {brand}. Cancelled, no notice, no "
                        "apology. Awful"
                    ),
                ),
            },
            amplifier={
                "es": (
                    (
                        "ÚLTIMA HORA | {brand} cancela decenas de vuelos en {place} sin aviso previo. Cientos de "
                        "pasajeros, tirados en el aeropuerto {tag}"
                    ),
                    (
                        "Estamos recibiendo muchísimos mensajes de afectados por las cancelaciones de {brand}. Si es "
                        "tu caso, tienes derecho a reembolso y compensación. Te contamos cómo reclamar"
                    ),
                    (
                        "Varias familias denuncian que {brand} les canceló el vuelo sin aviso y sin ofrecer hotel. "
                        "Hablamos con ellas en el aeropuerto de {place}"
                    ),
                    (
                        "Lo que relata {origin} es exactamente lo que está prohibido: {brand} debe ofrecer asistencia, "
                        "reembolso o transporte alternativo. Reclamad"
                    ),
                    (
                        "Hilo 🧵 Qué hacer si {brand} te cancela el vuelo sin aviso: 1) no aceptes vales, 2) pide el "
                        "reembolso por escrito, 3) guarda tickets de comida"
                    ),
                    (
                        "{brand} guarda silencio mientras crecen las quejas por vuelos cancelados en {place}. Hemos "
                        "pedido explicaciones a la compañía"
                    ),
                    (
                        "Caos en el aeropuerto de {place}: {brand} cancela al menos {n} vuelos y los pasajeros "
                        "denuncian falta de información"
                    ),
                    (
                        "Chicos, si volabais hoy con {brand}: me llegan DMs de gente tirada en el aeropuerto. Os dejo "
                        "cómo reclamar el reembolso 👇"
                    ),
                    (
                        "La asociación recuerda a {brand} que cancelar sin aviso con menos de 14 días obliga a "
                        "compensar. Abrimos formulario para afectados {tag}"
                    ),
                    (
                        "Según fuentes del aeropuerto de {place}, {brand} ha cancelado vuelos por falta de "
                        "tripulación. La compañía no confirma"
                    ),
                    (
                        "Vídeo: pasajeros de {brand} duermen en el suelo del aeropuerto de {place} tras la cancelación "
                        "de su vuelo"
                    ),
                    (
                        "Me escribe {origin} desde el aeropuerto: {brand} cancelado, sin aviso y sin alternativa. No "
                        "es el único caso que nos llega hoy"
                    ),
                ),
                "en": (
                    (
                        "BREAKING: {brand} cancels dozens of flights at {place} without notice. Hundreds of passengers "
                        "stranded at the airport {tag}"
                    ),
                    (
                        "We're getting loads of messages from people hit by {brand} cancellations. If that's you, "
                        "you're entitled to a refund and compensation. Here's how to claim"
                    ),
                    (
                        "Families say {brand} cancelled their flights with no notice and offered no hotel. We spoke to "
                        "them at {place} airport"
                    ),
                    (
                        "What {origin} describes is exactly what EU rules forbid: {brand} must offer care, a refund or "
                        "rerouting. Claim it"
                    ),
                    (
                        "Thread 🧵 What to do if {brand} cancels your flight with no notice: 1) don't accept vouchers, "
                        "2) ask for a refund in writing, 3) keep your food receipts"
                    ),
                    (
                        "{brand} stays silent as complaints about cancelled flights pile up in {place}. We've asked "
                        "the airline for comment"
                    ),
                    (
                        "Chaos at {place} airport: {brand} cancels at least {n} flights, passengers say there's no "
                        "information"
                    ),
                    (
                        "If you were flying {brand} today: my DMs are full of people stranded at the airport. How to "
                        "get your refund 👇"
                    ),
                    (
                        "Consumer group reminds {brand} that cancelling with less than 14 days notice means "
                        "compensation. Claim form open {tag}"
                    ),
                    (
                        "Airport sources in {place} say {brand} cancelled flights due to crew shortages. The airline "
                        "has not confirmed"
                    ),
                    "Video: {brand} passengers sleep on the floor at {place} airport after their flight was cancelled",
                    (
                        "{origin} messaged me from the airport: {brand} flight cancelled, no notice, no alternative. "
                        "Not the only case today"
                    ),
                ),
            },
            brand_reply={
                "es": (
                    (
                        "{author} lamentamos mucho la cancelación. Puedes pedir el reembolso completo o un vuelo "
                        "alternativo desde Mis reservas en la app"
                    ),
                    (
                        "Hola {author}, sentimos las molestias. Por motivos operativos hemos tenido que cancelar "
                        "algunos vuelos. Escríbenos por DM con tu localizador"
                    ),
                    (
                        "{author} entendemos tu enfado. Los pasajeros afectados recibirán bono de comida y hotel en el "
                        "mostrador de la terminal. Te escribimos por privado"
                    ),
                    (
                        "Hola {author}, estamos procesando los reembolsos por orden de solicitud. Te confirmamos el "
                        "tuyo por DM en cuanto lo tengamos"
                    ),
                    (
                        "{author} te pedimos disculpas por la falta de aviso. Hemos reforzado el personal en el "
                        "aeropuerto para atender a todos los afectados"
                    ),
                    (
                        "Hola {author}, tienes derecho a reembolso o reubicación y, si corresponde, a compensación. "
                        "Mándanos tu localizador y lo gestionamos"
                    ),
                    (
                        "{author} no es lo que queremos para nuestros pasajeros. Estamos revisando qué ha fallado en "
                        "el aviso de la cancelación"
                    ),
                ),
                "en": (
                    (
                        "{author} we're very sorry about the cancellation. You can request a full refund or an "
                        "alternative flight in My bookings in the app"
                    ),
                    (
                        "Hi {author}, apologies for the disruption. Due to operational reasons some flights had to be "
                        "cancelled. Please DM us your booking reference"
                    ),
                    (
                        "{author} we understand your frustration. Affected passengers can collect meal and hotel "
                        "vouchers at the terminal desk. We've sent you a DM"
                    ),
                    (
                        "Hi {author}, refunds are being processed in order of request. We'll confirm yours by DM as "
                        "soon as possible"
                    ),
                    (
                        "{author} we apologise for the lack of notice. We've added staff at the airport to help "
                        "everyone affected"
                    ),
                    (
                        "Hi {author}, you're entitled to a refund or rebooking and, where applicable, compensation. "
                        "Send us your booking reference and we'll handle it"
                    ),
                    (
                        "{author} this isn't what we want for our passengers. We're looking into why the cancellation "
                        "notice failed"
                    ),
                ),
            },
        ),
        Cause(
            id="rude_reply",
            brand="vuelaya",
            title={
                "es": "respuesta burlona del community manager",
                "en": "rude, mocking reply from the community manager",
            },
            key_terms={
                "es": ("community manager", "respuesta", "captura", "falta de respeto", "burla"),
                "en": ("community manager", "reply", "screenshot", "rude", "mocking"),
            },
            sentiment="negative",
            origin={
                "es": (
                    "Pues si no te gusta el asiento de {brand}, la próxima vez te pagas un jet privado. Menos quejas 🙄",
                    (
                        "Jajaja otra que no sabe medir una maleta y culpa a {brand}. Lee las condiciones antes de "
                        "quejarte, que no es tan difícil"
                    ),
                    (
                        "En {brand} no somos una ONG, cariño. Si querías lujo, haberlo pagado. Tus quejas ridículas al "
                        "maestro armero"
                    ),
                    (
                        "Tu vuelo llegó con 20 minutos de retraso y lloras como si fuera el fin del mundo. Qué pesadez "
                        "de gente, de verdad. {tag}"
                    ),
                    "Querido cliente de {brand}: si tan mal te parece, no vuelvas. Nadie te va a echar de menos 😘",
                    (
                        "Señora, el problema no es {brand}, el problema es usted que llega tarde a la puerta. "
                        "Siguiente queja, por favor"
                    ),
                    (
                        "Con lo que pagaste por el billete de {brand} aún te quejas de que no había agua gratis? "
                        "Jajaja qué cosas hay que leer"
                    ),
                    (
                        "Ya estamos con los dramas ridículos de siempre. Si no sabes viajar, no viajes. Besis, el "
                        "equipo de {brand} {tag}"
                    ),
                    (
                        "Buah, otro experto en aviación quejándose en Twitter. En {brand} tenemos cosas mejores que "
                        "hacer que leer tus lloros"
                    ),
                    (
                        "Hola, somos {brand} y no, no te vamos a devolver 50 euros porque tu maleta sea fea. Un saludo "
                        "y menos quejas"
                    ),
                ),
                "en": (
                    "If you don't like the seat, book a private jet next time. Fewer complaints please 🙄 - {brand}",
                    (
                        "Lol another one who can't measure a bag and blames {brand}. Read the terms before "
                        "complaining, it's not that hard"
                    ),
                    "{brand} isn't a charity, sweetie. Want comfort? Pay for it. Take your complaints elsewhere",
                    (
                        "Your flight was 20 minutes late and you're crying like it's the end of the world. People are "
                        "so annoying. {tag}"
                    ),
                    "Dear {brand} customer: if you hate it so much, don't come back. Nobody will miss you 😘",
                    "Madam, the problem isn't {brand}, it's you turning up late to the gate. Next complaint please",
                    (
                        "You paid 19 euros for a {brand} ticket and you complain there was no free water? The stuff we "
                        "have to read lol"
                    ),
                    (
                        "Here we go with the usual ridiculous drama. If you can't travel, don't. Kisses, the {brand} "
                        "team {tag}"
                    ),
                    (
                        "Ugh, another aviation expert complaining on Twitter. We at {brand} have better things to do "
                        "than read your whining, sad really"
                    ),
                    (
                        "Hi, we're {brand} and no, we won't refund 50 euros because your bag is ugly. Stop "
                        "complaining, it's pathetic"
                    ),
                ),
            },
            follower={
                "es": (
                    "La respuesta del community manager de {brand} es una falta de respeto en toda regla. Vergüenza",
                    "¿Pero quién lleva las redes de {brand}? Vaya respuesta más maleducada {emoji_neg}",
                    "Tengo la captura. {brand} se ha burlado de una clienta y luego lo ha borrado. Lamentable",
                    "Que una empresa responda así a quien le paga el sueldo... {brand}, falta de respeto absoluta",
                    "Lo que le ha contestado {brand} a {origin} es de juzgado de guardia. Qué asco de respuesta",
                    "El community manager de {brand} se ha venido arriba y ahora todos tenemos la captura. Fatal",
                    "Burla a una clienta y encima «besis». {brand} qué vergüenza ajena",
                    (
                        "Ojalá {brand} despida a quien escribió esa respuesta, es una falta de respeto a todos los "
                        "clientes"
                    ),
                    "{handle} ¿vais a pedir perdón por la respuesta o seguimos con la burla? Indignante",
                    "Captura guardada antes de que la borren. {brand} riéndose de sus clientes. Nunca más",
                    "Con una respuesta así {brand} ha perdido a un cliente. Maleducados",
                    "La falta de respeto de {brand} hacia una pasajera es lo más bochornoso que he visto hoy. Horrible",
                    "Después de leer la respuesta de {brand} no vuelvo a volar con ellos. Qué asco",
                    "Lo de {brand} no es humor, es burla y desprecio. Lamentable",
                    "Si yo respondo así a un cliente me echan al minuto. {brand} y su community manager, de vergüenza",
                    (
                        "Y lo más grave es que {brand} lo ha borrado sin pedir disculpas. Tenemos la captura, eh. "
                        "Vergonzoso"
                    ),
                    (
                        "Pobre {origin}, encima de que le falla el vuelo, la respuesta de {brand} es reírse de ella. "
                        "Indignada"
                    ),
                    "{tag} maleducados. Una burla pública a una clienta, eso es lo que sois",
                    "Ya no es que el servicio de {brand} sea malo, es que encima se ríen de ti. Falta de respeto",
                    (
                        "El community manager de {brand} necesita un curso de educación urgente. Qué respuesta más "
                        "maleducada y grosera"
                    ),
                    (
                        "Mandad la captura a todos vuestros grupos. Así trata {brand} a sus clientes. Lamentable "
                        "{emoji_neg}"
                    ),
                    "Pasan las horas y {brand} sin disculparse por la respuesta. Peor imposible",
                    (
                        "Mi madre ha visto la captura y ha cancelado el vuelo de verano con {brand}. Bien hecho, qué "
                        "vergüenza de empresa"
                    ),
                    "Vergonzoso. Una marca que se burla de sus clientes no merece ni un euro. Adiós {brand}",
                    "La respuesta de {brand} es de una prepotencia increíble. Mal, muy mal",
                    (
                        "Si la respuesta es de una persona, que la despidan. Si es la política de {brand}, peor aún. "
                        "Falta de respeto"
                    ),
                    (
                        "«Menos quejas». Eso le dice {brand} a una clienta. La captura lo dice todo. Patético no, lo "
                        "siguiente"
                    ),
                    (
                        "Compañeros community managers: esto que ha hecho {brand} es lo que NUNCA se debe hacer. "
                        "Terrible respuesta"
                    ),
                    "La burla de {brand} no tiene ninguna gracia. Trato horrible al cliente",
                    "{brand} me habéis perdido como cliente con esa respuesta. Asco",
                    "No me lo creía hasta ver la captura. {brand} se ríe de una clienta. Lamentable",
                    "Llevo años volando con {brand} y la respuesta de hoy me ha decepcionado muchísimo",
                    "Qué falta de respeto lo de {brand} con {origin}. Ni una disculpa todavía",
                    (
                        "El problema no es el community manager, es la cultura de {brand}. Respuesta humillante y mal "
                        "gestionada"
                    ),
                    "Vaya tela la respuesta de {brand}. Maleducada, prepotente y encima la borran",
                    "La captura de {brand} ya va por miles de retuits. Bien merecido, qué maleducados",
                    "neta la respuesta de {brand} está horrible, qué falta de respeto",
                    "{brand} creía que hacía gracia y ha quedado fatal. La burla a una clienta no se perdona",
                    "Esa respuesta de {brand} explica muchas cosas de cómo tratan a la gente. Indignado",
                    (
                        "Pues yo también tengo captura de otra respuesta maleducada de {handle} del mes pasado. No es "
                        "la primera vez"
                    ),
                    "Boicot a {brand} hasta que pidan perdón por la respuesta. Falta de respeto",
                    "Los de {brand} riéndose de una chica que perdió su vuelo. Vergüenza de empresa",
                    "Me da igual si es un becario: la respuesta sale de la cuenta de {brand}. Inaceptable",
                    "Se han burlado de una clienta en público. {brand} sois lo peor",
                    "Una respuesta así en pleno siglo XXI y desde la cuenta oficial. {brand} esto es lamentable",
                ),
                "en": (
                    "The {brand} community manager's reply is so rude. Absolutely disgraceful",
                    "Who runs the {brand} account?? What a rude reply {emoji_neg}",
                    "Got the screenshot. {brand} mocked a customer and then deleted it. Pathetic",
                    "A company replying like that to the people who pay its wages... {brand}, shameful",
                    "What {brand} said to {origin} is unbelievable. Disgusting reply",
                    "The {brand} community manager got cocky and now we all have the screenshot. Awful",
                    "Mocking a customer and signing off with kisses. {brand} this is embarrassing and rude",
                    "Hope {brand} fires whoever wrote that reply. Unprofessional and rude",
                    "{handle} are you going to apologise for the reply or keep mocking people? Disgraceful",
                    "Screenshot saved before they delete it. {brand} mocking its own customers. Never again",
                    "With a reply like that {brand} just lost a customer. So rude",
                    "The way {brand} mocked a passenger is the most shameful thing I've seen today",
                    "After reading the {brand} reply I'm never flying with them again. Disgusting",
                    "That's not banter from {brand}, it's mocking and contempt. Pathetic",
                    (
                        "If I replied like that to a customer I'd be fired in a minute. {brand} community manager, "
                        "shameful"
                    ),
                    "And they deleted it without an apology. We have the screenshot, {brand}. Disgraceful",
                    "Poor {origin}, flight goes wrong and then {brand} mocks her in the reply. Awful",
                    "{tag} rude. Publicly mocking a customer, that's who you are",
                    "It's not just that {brand} service is bad, they mock you too. Rude and unprofessional",
                    "The {brand} community manager needs manners training. What a rude reply",
                    (
                        "Send the screenshot to every group chat. This is how {brand} treats customers. Shameful "
                        "{emoji_neg}"
                    ),
                    "Hours later and still no apology from {brand} for that reply. Shameful",
                    "My mum saw the screenshot and cancelled her summer {brand} flight. Good. Awful company",
                    "Disgraceful. A brand that mocks its customers doesn't deserve a cent. Bye {brand}",
                    "The arrogance in that {brand} reply is unreal. Terrible",
                    "If one person wrote it, fire them. If it's {brand} policy, even worse. Rude either way",
                    "Fewer complaints, says {brand} to a paying customer. The screenshot says it all. Pathetic",
                    "Fellow community managers: what {brand} did is what you should NEVER do. That reply was terrible",
                    "The {brand} mocking isn't funny at all, it's horrible",
                    "{brand} you lost me as a customer with that reply. Disgusting",
                    "Didn't believe it until I saw the screenshot. {brand} mocking a customer. Pathetic",
                    "Been flying {brand} for years and today's reply really disappointed me",
                    "So rude of {brand} to do that to {origin}. Still no apology",
                    "It's not the community manager, it's the {brand} culture. Humiliating, rude reply",
                    "Wow that {brand} reply. Rude, arrogant and then they delete it. Shameful",
                    "The {brand} screenshot has thousands of shares now. Deserved, so rude",
                    "Honestly the {brand} reply is horrible, mocking a customer like that",
                    "{brand} thought it was funny and it backfired. Mocking customers is unforgivable, awful",
                    "That {brand} reply explains a lot about how they treat people. Angry",
                    "I've got a screenshot of another rude reply from {handle} last month too. Not the first time",
                    "Boycott {brand} until they apologise for that reply. Rude and disrespectful",
                    "{brand} mocking a girl who missed her flight. Shameful company",
                    "Don't care if it was an intern: the reply came from the {brand} account. Unacceptable",
                    "They mocked a customer in public. {brand} you're the worst",
                    "That {brand} reply from the official account is a disgrace. Unprofessional",
                ),
            },
            amplifier={
                "es": (
                    (
                        "La cuenta oficial de {brand} responde con burlas a una clienta que se quejaba de su vuelo y "
                        "después borra el mensaje. Las capturas ya circulan {tag}"
                    ),
                    (
                        "Caso de manual de lo que no hay que hacer en redes: la respuesta de {brand} a {origin}. Hilo "
                        "sobre gestión de crisis 🧵"
                    ),
                    (
                        "{brand} enfrenta una ola de críticas tras la respuesta despectiva de su community manager. La "
                        "empresa no ha comentado nada"
                    ),
                    (
                        "Os juro que he tenido que leer tres veces la captura de {brand}. ¿En serio una aerolínea "
                        "contesta así?"
                    ),
                    (
                        "Desde la asociación recordamos a {brand} que el trato digno al consumidor también aplica en "
                        "redes sociales"
                    ),
                    (
                        "Polémica viral: «Menos quejas», la respuesta de {brand} a una pasajera que ya suma miles de "
                        "reacciones"
                    ),
                    (
                        "Hablamos con {origin}, la pasajera a la que {brand} respondió con burlas: «Solo pedía una "
                        "explicación»"
                    ),
                    (
                        "Expertos en comunicación coinciden: la respuesta de {brand} es un error grave de marca. "
                        "Analizamos el caso"
                    ),
                    (
                        "Lo de {brand} hoy va a salir en todos los cursos de community management como ejemplo de lo "
                        "que no se hace"
                    ),
                    (
                        "{brand} borra el mensaje pero no pide disculpas. Recopilamos las respuestas de la aerolínea a "
                        "sus clientes"
                    ),
                ),
                "en": (
                    (
                        "{brand}'s official account mocked a customer complaining about her flight, then deleted the "
                        "reply. Screenshots are everywhere {tag}"
                    ),
                    (
                        "Textbook example of what not to do on social: the {brand} reply to {origin}. Thread on crisis "
                        "comms 🧵"
                    ),
                    (
                        "{brand} faces a wave of criticism after its community manager's dismissive reply. The airline "
                        "has not commented"
                    ),
                    "I had to read the {brand} screenshot three times. An airline really replied like that?",
                    "Consumer group reminds {brand} that treating customers with respect applies on social media too",
                    "Viral row: Fewer complaints, the {brand} reply to a passenger, now has thousands of reactions",
                    "We spoke to {origin}, the passenger {brand} mocked: I only asked for an explanation",
                    "Comms experts agree the {brand} reply is a serious brand mistake. We look at the case",
                    "Today's {brand} reply will be in every social media course as what not to do",
                    "{brand} deletes the post but doesn't apologise. A look at how the airline talks to its customers",
                ),
            },
            brand_reply={
                "es": (
                    (
                        "{author} Pedimos disculpas por este mensaje. No representa a {brand} ni la forma en que "
                        "queremos tratar a nuestros pasajeros"
                    ),
                    "{author} Ese mensaje fue un error grave. Lo hemos retirado y estamos tomando medidas internas",
                    (
                        "{author} Lo sentimos muchísimo. Ya nos hemos puesto en contacto con la pasajera para "
                        "disculparnos personalmente"
                    ),
                    (
                        "{author} Entendemos la indignación. Hemos revisado nuestros protocolos de atención para que "
                        "no vuelva a ocurrir"
                    ),
                    (
                        "{author} Ninguna queja merece una respuesta así. Nuestras disculpas sinceras a la clienta y a "
                        "todos vosotros"
                    ),
                    (
                        "{author} Rectificamos: la pasajera tenía derecho a una explicación y a un trato respetuoso. "
                        "Estamos gestionando su caso por DM"
                    ),
                ),
                "en": (
                    (
                        "{author} We apologise for this message. It does not represent {brand} or how we want to treat "
                        "our passengers"
                    ),
                    "{author} That message was a serious mistake. We've removed it and are taking internal action",
                    "{author} We're deeply sorry. We've already contacted the passenger to apologise personally",
                    (
                        "{author} We understand the anger. We've reviewed our customer care guidelines so this doesn't "
                        "happen again"
                    ),
                    (
                        "{author} No complaint deserves a reply like that. Our sincere apologies to the customer and "
                        "to all of you"
                    ),
                    (
                        "{author} To put it right: the passenger deserved an explanation and respect. We're handling "
                        "her case by DM"
                    ),
                ),
            },
            origin_by_brand=True,
        ),
    ),
    good_news=Cause(
        id="crew_teddy",
        brand="vuelaya",
        title={
            "es": "la azafata que devolvió el peluche olvidado de una niña",
            "en": "flight attendant returns a little girl's forgotten teddy",
        },
        key_terms={
            "es": ("azafata", "peluche", "tripulación", "gesto"),
            "en": ("flight attendant", "teddy", "crew", "gesture"),
        },
        sentiment="positive",
        origin={
            "es": (
                (
                    "Mi hija se dejó su peluche en el avión de {brand} de {place}. Hoy ha llegado a casa con una carta "
                    "de la azafata y fotos del peluche «de viaje» por la cabina. Estoy llorando. Gracias {handle} "
                    "{emoji_pos}"
                ),
                (
                    "Os tengo que contar esto: la azafata de {brand} encontró el peluche de mi niño bajo el asiento y "
                    "nos lo trajo ella misma a la salida. Qué maravilla de gente"
                ),
                (
                    "{brand}, no sé quién es la azafata Carmen del vuelo a {place}, pero mi hija dice que es su "
                    "heroína. Nos devolvió el peluche con un diploma de «pasajero de honor». Increíble"
                ),
                (
                    "Hilo precioso 🧵 Cómo la maravillosa tripulación de {brand} rescató el peluche de mi hija, que se "
                    "quedó en el avión, y lo mandó de vuelta con fotos en cabina y en {place}"
                ),
                (
                    "Le escribí a {handle} casi sin esperanza por el peluche olvidado y la azafata me llamó en "
                    "persona. Hoy lo tenemos en casa. Un gesto precioso, gracias de corazón"
                ),
                (
                    "Mi pequeño de {n} años no podía dormir sin su peluche, olvidado en el vuelo de {brand}. La "
                    "tripulación lo encontró y nos lo mandaron al día siguiente. Genial"
                ),
                (
                    "La azafata de {brand} se hizo fotos con el peluche de mi hija en la cabina para que viera que "
                    "«estaba bien». Nos lo devolvió con una nota. Me encanta {emoji_pos}"
                ),
                (
                    "Nunca pensé que escribiría esto de una aerolínea: gracias {brand}. La azafata guardó el peluche "
                    "de mi hija y nos lo entregó en {place}. Amabilísima"
                ),
                (
                    "Gesto enorme de una azafata de {brand}: mi hija olvidó su peluche y ella lo guardó, nos localizó "
                    "y nos lo trajo. Mil gracias, qué amable"
                ),
            ),
            "en": (
                (
                    "My daughter left her teddy on a {brand} plane from {place}. Today it came home with a note from "
                    "the flight attendant and photos of teddy's trip around the cabin. I'm crying. Thank you {handle} "
                    "{emoji_pos}"
                ),
                (
                    "Have to share this: the {brand} flight attendant found my son's teddy under the seat and brought "
                    "it to us at arrivals herself. Wonderful people"
                ),
                (
                    "{brand}, I don't know who the flight attendant on the {place} flight was, but my daughter says "
                    "she's her hero. Returned the teddy with a little certificate. Amazing"
                ),
                (
                    "Wholesome thread 🧵 How the amazing {brand} crew rescued my daughter's teddy, left on the plane, "
                    "and sent it back with photos in the cockpit and in {place}"
                ),
                (
                    "Messaged {handle} with zero hope about the forgotten teddy and the flight attendant called me "
                    "personally. It's home now. Lovely gesture, thank you so much"
                ),
                (
                    "My {n}-year-old couldn't sleep without his teddy, left on a {brand} flight. The crew found it and "
                    "sent it back the next day. Brilliant"
                ),
                (
                    "The {brand} flight attendant took photos with my daughter's teddy in the cabin so she'd know it "
                    "was ok. Returned with a note. Love it {emoji_pos}"
                ),
                (
                    "Never thought I'd tweet this about an airline: thank you {brand}. The flight attendant kept my "
                    "daughter's teddy safe and handed it over in {place}. So kind"
                ),
                (
                    "Huge gesture from a {brand} flight attendant: my girl forgot her teddy and she found us and "
                    "brought it back. Thank you so much, amazing"
                ),
            ),
        },
        follower={
            "es": (
                "Qué maravilla lo de la azafata de {brand} {emoji_pos}",
                "Esto es lo mejor que he leído hoy. Gracias a la tripulación de {brand} por el gesto con el peluche",
                "Me encanta la historia del peluche de {brand}, de verdad",
                "Enhorabuena a la azafata de {brand}, qué gesto tan bonito y qué amable",
                "Ole por la tripulación de {brand}. Gestos así lo cambian todo",
                "Lo del peluche que cuenta {origin} me ha alegrado el día. Bravo {brand}",
                "La azafata de {brand} es una crack. Hacen falta más personas así",
                "Llorando con el peluche de {brand}, qué gesto tan genial {emoji_pos}",
                "Después de tanta crítica, hay que decirlo: bravo {brand}, gesto increíble",
                (
                    "Mi hija también perdió un peluche una vez y nadie nos ayudó. Lo de la azafata de {brand} es "
                    "maravilloso"
                ),
                "Que alguien le dé un aumento a la azafata de {brand}. Gracias por el gesto",
                "Felicidades a la tripulación de {brand}, así da gusto",
                "{tag} ese peluche ha tenido mejor viaje que yo jajaja. Qué maravilla de azafata",
                "Me encanta cuando pasan cosas así. Gracias {brand} por el gesto con el peluche",
                "La historia de {origin} y la azafata de {brand} es lo más bonito de internet hoy. Genial",
                "Pues con este gesto {brand} se ha ganado un cliente. Enhorabuena a la azafata",
                "Qué gente tan amable la de {brand}. El peluche con diploma me ha matado de amor",
                "Gracias {brand} por recordarnos que hay personas increíbles detrás de cada uniforme",
                "Lo mejor de la semana: la azafata de {brand} y el peluche viajero {emoji_pos}",
                "Se me ha escapado una lagrimita con lo del peluche. Bravo tripulación de {brand}",
                "La azafata de {brand} se merece un premio. Gesto precioso y genial",
                "Ojalá todas las aerolíneas tuvieran azafatas así. Maravilla {brand}",
                "Enhorabuena {brand}, la tripulación ha estado de diez con el peluche",
                "Me ha encantado lo del peluche. {brand} bien hecho",
                "Mi sobrina ha visto las fotos del peluche en la cabina de {brand} y quiere ser azafata. Genial",
                "Qué gesto tan top de la azafata de {brand}. Sigue habiendo gente buena",
                "Estas historias me reconcilian con el mundo. Gracias a la azafata de {brand} y felicidades a {origin}",
                "La tripulación de {brand} se ha ganado el cielo. Peluche rescatado, niña feliz",
                "Pensaba que {brand} solo salía en noticias malas y mira qué maravilla. Gracias por el gesto",
                "Bravo por la azafata de {brand}, qué detalle con el peluche {emoji_pos}",
                "El peluche de {brand} ya es trending y me parece genial. Más noticias así",
                "Hoy {brand} ha hecho algo increíble: devolver un peluche olvidado con cariño. Gracias",
                "No me canso de ver las fotos del peluche en la cabina de {brand}. Me encanta",
                "A esa azafata de {brand}: gracias por ser tan amable. Un gesto que no se olvida",
                "Felicito a {brand} por tener una tripulación así. El gesto del peluche es lo mejor",
                "Qué bonito todo. Azafata de {brand}, eres una crack {emoji_pos}",
                "{brand} y su azafata del peluche me han alegrado el lunes. Genial",
                "Mi peque ha dormido hoy con su peluche pensando en la historia de {brand}. Qué maravilla",
                (
                    "El gesto de la tripulación de {brand} con el peluche demuestra que lo importante son las "
                    "personas. Enhorabuena"
                ),
                "Gracias {brand}, la historia del peluche es lo más bonito del timeline. Bravo azafata",
                "Qué buena noticia lo del peluche de {brand}. Amable y humana, así da gusto",
                "Menudo gesto el de la azafata de {brand}. Felicidades de corazón",
                "Los peluches del mundo están encantados con {brand} jajaja. Gracias por el gesto",
                "Ha sido leer lo del peluche de {origin} y sonreír. Bravo {brand}",
                "Vaya crack la azafata de {brand}. Devolvió el peluche con fotos y todo, increíble",
            ),
            "en": (
                "That {brand} flight attendant is amazing {emoji_pos}",
                "Best thing I've read today. Thank you {brand} crew for the teddy gesture",
                "Love the {brand} teddy story, honestly",
                "Well done to the {brand} flight attendant, what a lovely gesture",
                "Kudos to the {brand} crew. Kindness like this matters",
                "The teddy story from {origin} made my day. Brilliant {brand}",
                "That {brand} flight attendant is a legend. Amazing, we need more people like her",
                "Crying at the {brand} teddy story, such a wonderful gesture {emoji_pos}",
                "After all the criticism you have to say it: well done {brand}, amazing gesture",
                "Someone give the {brand} flight attendant a raise. Thank you for the kindness",
                "Congrats to the {brand} crew, that's how it's done",
                "{tag} that teddy had a better trip than me lol. Wonderful crew",
                "Love it when stuff like this happens. Thanks {brand} for the teddy gesture",
                "The story of {origin} and the {brand} flight attendant is the best thing online today. Lovely",
                "With this gesture {brand} just won a customer. Well done to the flight attendant",
                "Such kind people at {brand}. The teddy certificate got me",
                "Thank you {brand} for reminding us there are amazing people behind every uniform",
                "Best thing this week: the {brand} flight attendant and the travelling teddy {emoji_pos}",
                "Not crying, you're crying. Brilliant {brand} crew",
                "That {brand} flight attendant deserves an award. Wonderful gesture",
                "Wish every airline had crew like this. Amazing {brand}",
                "Great job {brand}, the crew were perfect with the teddy",
                "Loved the teddy story. {brand} well done",
                "My niece saw the teddy photos in the {brand} cabin and now wants to be a flight attendant. Brilliant",
                "What a kind gesture from the {brand} flight attendant. Good people still exist",
                "Stories like this restore my faith. Thank you to the {brand} flight attendant and happy for {origin}",
                "The {brand} crew are angels. Teddy rescued, little girl happy",
                "Thought {brand} only made bad headlines and look at this. Lovely gesture, thank you",
                "Well done to the {brand} flight attendant, so kind {emoji_pos}",
                "The {brand} teddy is trending and I love it. More news like this please",
                "{brand} did something wonderful today: returned a forgotten teddy with such care. Thank you",
                "Can't stop looking at the teddy photos from the {brand} cabin. Love it",
                "To that {brand} flight attendant: thank you for being so kind. A gesture nobody forgets",
                "Congratulations {brand} on having crew like that. Best story of the week",
                "{brand} and the teddy flight attendant made my Monday. Great stuff",
                "My little one slept with his teddy tonight after hearing the {brand} story. Wonderful",
                "The {brand} crew's gesture shows it's people that matter. Kudos",
                "Thanks {brand}, the teddy story is the best thing on my timeline. Brilliant flight attendant",
                "Such good news, the {brand} teddy. Kind and human, love it",
                "What a gesture from the {brand} flight attendant. Congrats from the heart",
                "Every teddy in the world is delighted with {brand} lol. Thanks for the kindness",
                "Read the teddy story from {origin} and smiled. Well done {brand}",
                "Legendary {brand} flight attendant. Returned the teddy with photos and all, amazing",
                "Faith in humanity restored by a {brand} crew member and a teddy. Thank you",
                "This {brand} crew story is pure kindness. Happy tears, thank you",
                "Proper lovely from the {brand} team. The teddy is home and the internet is happy",
            ),
        },
        amplifier={
            "es": (
                (
                    "La historia que enternece las redes: una azafata de {brand} devuelve el peluche olvidado de una "
                    "niña con fotos de su «viaje» por la cabina {tag}"
                ),
                (
                    "Hablamos con {origin}, la madre del peluche viajero: «No esperaba nada y la tripulación de "
                    "{brand} lo hizo todo»"
                ),
                "Por fin una buena noticia en el timeline: el gesto de una azafata de {brand} se hace viral",
                (
                    "{brand} confirma que la azafata del peluche recibirá un reconocimiento interno. Las fotos ya "
                    "suman miles de me gusta"
                ),
                (
                    "Esto sí es atención al cliente: la azafata de {brand} que rescató un peluche. Lo comento en el "
                    "vídeo de hoy"
                ),
                (
                    "El peluche de {brand} arrasa: más de {n}0.000 interacciones en unas horas. Un gesto pequeño con "
                    "un efecto enorme"
                ),
                (
                    "Lección de marca gratis: el gesto de la azafata de {brand} vale más que cualquier campaña. "
                    "Analizamos el caso"
                ),
                "Lo que ha contado {origin} sobre la tripulación de {brand} es lo más bonito que leeréis hoy",
                (
                    "De las críticas al aplauso: {brand} protagoniza la historia más compartida del día gracias a una "
                    "de sus azafatas"
                ),
                "Los pasajeros de {brand} en {place} comentan el gesto de la tripulación: «Así deberían ser todos»",
            ),
            "en": (
                (
                    "The story melting hearts online: a {brand} flight attendant returns a little girl's forgotten "
                    "teddy with photos of its cabin trip {tag}"
                ),
                (
                    "We spoke to {origin}, mum of the travelling teddy: I expected nothing and the {brand} crew did "
                    "everything"
                ),
                "Finally some good news on the timeline: a {brand} flight attendant's gesture goes viral",
                (
                    "{brand} confirms the teddy flight attendant will get internal recognition. The photos have "
                    "thousands of likes"
                ),
                (
                    "This is real customer care: the {brand} flight attendant who rescued a teddy. Talking about it in "
                    "today's video"
                ),
                "The {brand} teddy blows up: over {n}0,000 interactions in hours. Small gesture, huge effect",
                "Free branding lesson: the {brand} flight attendant's gesture beats any ad campaign",
                "What {origin} shared about the {brand} crew is the loveliest thing you'll read today",
                "From criticism to applause: {brand} has the day's most shared story thanks to a flight attendant",
                "{brand} passengers in {place} talk about the crew's gesture: all airlines should be like this",
            ),
        },
        brand_reply={
            "es": (
                (
                    "{author} ¡gracias por compartirlo! Ya le hemos dado tu mensaje a nuestra tripulación y está "
                    "emocionada {emoji_pos}"
                ),
                "Hola {author}, historias así son las que nos hacen sentir orgullosos del equipo. ¡Gracias!",
                "{author} el peluche está en casa y nosotros felices. Gracias por tanto cariño {emoji_pos}",
                "Hola {author}, nuestra azafata dice que fue un placer. ¡Buen viaje en tu próximo vuelo!",
                "{author} muchísimas gracias por tus palabras, se las trasladamos a toda la tripulación",
                "Hola {author}, ¡nos alegra que te haya sacado una sonrisa! Felices vuelos",
            ),
            "en": (
                (
                    "{author} thank you for sharing! We've passed your message to our crew and they're thrilled "
                    "{emoji_pos}"
                ),
                "Hi {author}, stories like this make us proud of our team. Thank you!",
                "{author} the teddy is home and we're so happy. Thanks for all the love {emoji_pos}",
                "Hi {author}, our flight attendant says it was a pleasure. Have a great next flight!",
                "{author} that means a lot. Our flight attendant has read every message and is over the moon",
                "Hi {author}, glad it made you smile! Happy flying",
            ),
        },
    ),
)

_FRUTALIA = BrandVoice(
    id="frutalia",
    name="Frutalia",
    handles=("@frutalia", "@frutalia_ayuda"),
    tags=("frutalia",),
    spanish_share=0.9,
    products={
        "es": (
            "el pedido de la semana",
            "la compra del súper",
            "la caja de fruta",
            "la compra del mercado",
            "la compra del mes",
            "la compra exprés",
            "la cesta de verduras",
            "el mandado de la semana",
            "la despensa del mes",
            "la cena de hoy",
            "la compra para la fiesta",
            "las frutas y verduras de la semana",
        ),
        "en": (
            "my weekly order",
            "the grocery delivery",
            "the fruit box",
            "my veg box",
            "the express delivery",
            "the monthly shop",
            "tonight's dinner",
            "the big weekly shop",
            "the party shopping",
            "my first order",
            "the breakfast shopping",
            "the fresh produce",
        ),
    },
    places=(
        "Madrid",
        "Barcelona",
        "Valencia",
        "Sevilla",
        "CDMX",
        "Guadalajara",
        "Monterrey",
        "Puebla",
        "Chamberí",
        "Coyoacán",
        "Gràcia",
        "Polanco",
        "Lavapiés",
        "la colonia Roma",
        "Zaragoza",
    ),
    everyday={
        "praise": {
            "es": (
                "{product} llegó en 40 minutos y la fruta buenísima. {brand} me tiene conquistada {emoji_pos}",
                "El repartidor de {brand} súper amable, hasta me subió las bolsas al cuarto piso. Gracias!",
                "Qué fresquito llega todo con {brand}. Los aguacates perfectos, ni uno pasado",
                "Neta {brand} me salva la semana, pido el mandado en el camión y llega antes que yo. Genial",
                "Desde que uso {brand} no piso el súper. Cómodo, rápido y bien de precio",
                "Se me olvidaron los huevos y {brand} me los trajo en media hora sin cobrar envío. Un lujo",
                "Las fresas de {brand} de esta semana, de lo mejor que he comido {emoji_pos}",
                "{handle} gracias por cambiarme los plátanos verdes sin poner pegas. Atención de diez",
                "Con dos peques en casa, {brand} es lo mejor que me ha pasado. Lo recomiendo a todas las mamás",
                "{brand} en {place} funciona perfecto, siempre puntuales {tag}",
                "Me encanta que {brand} deje elegir la madurez de la fruta. Detallazo",
                "Pedí {product} a las 9 y a las 10 ya estaba cocinando. Increíble {brand}",
                "Súper contenta con la caja de temporada de {brand}, todo riquísimo y muy fresco. Recomendado",
                "Los repartidores de {brand} en {place} son unos cracks, siempre con una sonrisa",
            ),
            "en": (
                "{product} arrived in 40 minutes and the fruit was great. Love {brand} {emoji_pos}",
                "The {brand} rider was so friendly, even carried the bags up four floors. Thank you!",
                "Everything from {brand} arrives so fresh. Perfect avocados, not a single one overripe",
                "{brand} saved my week again, ordered on the bus and it got home before me. Brilliant",
                "Forgot the eggs and {brand} brought them in half an hour, free delivery too. Amazing",
                "The {brand} strawberries this week are the best I've had in Spain {emoji_pos}",
                "{handle} thanks for swapping the green bananas straight away. Excellent service",
                "With two kids at home {brand} is a lifesaver. Highly recommend",
                "{brand} in {place} works perfectly, always on time {tag}",
                "Ordered at 9, cooking by 10. {brand} is amazing",
                "Really happy with the {brand} seasonal box, everything fresh and delicious",
                "Love that {brand} lets you choose how ripe you want the fruit. Great idea",
                "The {brand} riders in {place} are lovely, always smiling",
            ),
        },
        "complaint": {
            "es": (
                "Me llegó {product} sin el pan y sin la leche. {brand} qué mal",
                "Los tomates de {brand} hoy, aplastados. Fatal el empaquetado {emoji_neg}",
                "{handle} el repartidor llegó {hours} horas tarde y el helado derretido. Un desastre",
                "Me cobraron una bolsa que no llegó. {brand} ya van {n} veces, qué decepción",
                "Pedí plátanos maduros y me mandan piedras verdes. {brand} esto es de chiste, fatal",
                "{brand} subió el envío mínimo otra vez. Cada vez peor",
                "Pedí {product} para las 8 y a las 10 seguía esperando. Lamentable {brand}",
                "{handle} me sustituyeron la leche sin lactosa por leche normal. Soy intolerante, un error grave",
                "La app de {brand} no me deja pagar con tarjeta desde ayer. Fatal",
                "Neta {brand} ya me cansé, otra vez me mandaron el mandado incompleto. Qué mal servicio",
                "En {place} {brand} llega siempre tarde. Siempre. Pésimo",
                "{brand} me habéis traído huevos rotos por tercera vez. Harta",
                "Me cobraron de más en {product} y nadie contesta en {n} días. {brand} esto es un abuso",
                "El repartidor de {brand} me dejó la compra en el portal sin avisar. Mal, muy mal",
            ),
            "en": (
                "{product} came without the bread and the milk. Bad job {brand}",
                "Tomatoes from {brand} today all squashed. Terrible packing {emoji_neg}",
                "{handle} rider arrived {hours} hours late and the ice cream had melted. What a mess",
                "Charged for a bag that never came. {brand} that's {n} times now, so disappointing",
                "Asked for ripe bananas and got rock hard green ones. {brand} this is a joke",
                "{brand} raised the minimum order again. Getting worse",
                "Ordered {product} for 8pm, still waiting at 10. Awful {brand}",
                "{handle} you swapped my lactose free milk for normal milk. I'm intolerant, that's a serious error",
                "The {brand} app won't take my card since yesterday. Useless",
                "Third time {brand} brought broken eggs. Fed up, so annoying",
                "{brand} always late in {place}. Always. Terrible",
                "Overcharged on {product} and still no answer after {n} days. {brand} sort it out, ridiculous",
                "The {brand} rider left my shopping at the street door without telling me. Bad, really bad",
            ),
        },
        "question": {
            "es": (
                "{handle} ¿hacéis envíos a {place}?",
                "¿Alguien sabe a qué hora cierra {brand} los domingos?",
                "{handle} ¿puedo programar {product} para el sábado por la mañana?",
                "¿{brand} tiene productos sin gluten?",
                "{handle} qué onda, ¿aceptan pago en efectivo?",
                "¿Cómo se añade una nota para el repartidor en {brand}?",
                "{handle} ¿el pedido mínimo es el mismo en todas las ciudades?",
                "¿Sabéis si {brand} tiene fruta ecológica?",
                "{handle} ¿puedo cambiar la dirección de entrega después de pagar?",
                "Oigan {handle}, ¿ya llegaron a {place}?",
                "¿{brand} deja elegir la madurez de los aguacates o es cosa mía?",
                "{handle} ¿cuánto cuesta el envío express?",
                "Gente de {place}, ¿qué tal {brand}? ¿Llega bien la fruta?",
                "{handle} ¿la suscripción mensual incluye envíos gratis?",
            ),
            "en": (
                "{handle} do you deliver to {place}?",
                "Does anyone know when {brand} closes on Sundays?",
                "{handle} can I schedule {product} for Saturday morning?",
                "Does {brand} have gluten free stuff?",
                "{handle} can I pay cash on delivery?",
                "How do I add a note for the rider on {brand}?",
                "{handle} is the minimum order the same in every city?",
                "Does {brand} sell organic fruit?",
                "{handle} can I change the delivery address after paying?",
                "{handle} how much is express delivery?",
                "Anyone in {place} using {brand}? Is the fruit decent?",
                "{handle} does the monthly subscription include free delivery?",
                "Is there an English version of the {brand} app or is it Spanish only?",
            ),
        },
        "neutral": {
            "es": (
                "{brand} amplía su servicio a {n} nuevas ciudades de México",
                "{brand} lanza una caja de fruta de temporada de productores locales",
                "{brand} anuncia entregas en 20 minutos en el centro de {place}",
                "{brand} firma un acuerdo con cooperativas agrícolas para su surtido de verduras",
            ),
            "en": (
                "{brand} expands to {n} new cities in Mexico",
                "{brand} launches a seasonal fruit box from local farmers",
                "{brand} promises 20 minute delivery in central {place}",
            ),
        },
        "chatter": {
            "es": (
                "Domingo de sofá y {product} en camino {tag}",
                "Mi madre no se fía de que alguien le elija los tomates, pero ya le he instalado {brand} jaja",
                "Hoy cocino yo: {product} de {brand} pedido y receta de YouTube abierta. Que sea lo que Dios quiera",
                "Se me acaba de ocurrir que mi relación más estable es con el repartidor de {brand}",
                "Organizando la cena del finde con {brand} y una lista infinita",
                "Mi gato se emociona más que yo cuando llega el pedido de {brand}",
                "El de {brand} ya conoce a mi perro por su nombre jaja",
                "Mandado de la semana listo con {brand}, a ver qué sale {tag}",
            ),
            "en": (
                "Sofa Sunday and {product} on the way {tag}",
                "My mum doesn't trust anyone to pick her tomatoes but I've installed {brand} on her phone anyway",
                "Cooking tonight: {product} from {brand} ordered and a YouTube recipe open. Pray for me",
                "My most stable relationship is with the {brand} rider lol",
                "My cat gets more excited than me when the {brand} order arrives",
                "Planning the weekend dinner with {brand} and an endless list",
            ),
        },
    },
    causes=(
        Cause(
            id="failed_delivery",
            brand="frutalia",
            title={
                "es": "pedidos que no llegan, cobrados y sin reembolso",
                "en": "orders never delivered, charged and not refunded",
            },
            key_terms={
                "es": ("pedido", "no llegó", "cobrado", "reembolso", "repartidor"),
                "en": ("order", "never arrived", "charged", "refund", "delivery"),
            },
            sentiment="negative",
            origin={
                "es": (
                    (
                        "{brand} me ha cobrado {product} (87 euros) y el pedido no llegó nunca. En la app pone "
                        "«entregado». Ni repartidor ni compra. Y el reembolso, «en revisión». Esto es un robo"
                    ),
                    (
                        "Hilo 🧵 de cómo {brand} me cobra {n} pedidos que no llegaron en dos semanas. El repartidor "
                        "marca entregado y soporte solo manda mensajes automáticos. Estafa"
                    ),
                    (
                        "Me quedé sin la comida de mi hijo porque el pedido de {brand} no llegó. Cobrado, eso sí, y al "
                        "chat no contesta nadie desde hace {hours} horas. Vergüenza"
                    ),
                    (
                        "Ojo con {brand}: el pedido no llegó, el repartidor dice que lo dejó en un portal que no es el "
                        "mío y me niegan el reembolso. Indignada"
                    ),
                    (
                        "Llevo {days} días reclamando a {handle} un pedido de 120 pesos... no, de 1.200 pesos, que no "
                        "llegó. Cobrado y sin reembolso. Qué poca vergüenza"
                    ),
                    (
                        "Pedí {product} para el cumple de mi hija, no llegó, me lo han cobrado y el reembolso lo "
                        "rechazan «porque figura entregado». Estafadores {tag}"
                    ),
                    (
                        "{brand} me cobra dos veces el mismo pedido y no me llega ninguno. El chat me cierra la "
                        "conversación. Un abuso en toda regla"
                    ),
                    (
                        "Hoy en {place} el pedido de {brand} no llegó, ni el mío ni el de mis vecinos. Cobrado a "
                        "todos. Algo raro pasa y nadie explica nada. Fatal"
                    ),
                    (
                        "Qué desastre: tres pedidos seguidos de {brand} que no llegan y los tres cobrados. El "
                        "repartidor no aparece y el reembolso tampoco"
                    ),
                ),
                "en": (
                    (
                        "{brand} charged me 87 euros for {product} and the order never arrived. The app says "
                        "delivered. No rider, no groceries, refund under review. Daylight robbery"
                    ),
                    (
                        "Thread 🧵 how {brand} charged me for {n} orders that never arrived in two weeks. Rider marks "
                        "it delivered and support only sends bots. Scam"
                    ),
                    (
                        "My son's dinner never arrived because the {brand} order vanished. Charged of course, and "
                        "nobody in the chat for {hours} hours. Disgraceful"
                    ),
                    (
                        "Warning about {brand}: order never arrived, rider says he left it at a building that isn't "
                        "mine, and they refuse a refund. Furious"
                    ),
                    "{days} days chasing {handle} about an order that never arrived. Charged, no refund. Shameful",
                    (
                        "Ordered {product} for my daughter's birthday, never arrived, still charged, refund rejected "
                        "because it says delivered. Scammers {tag}"
                    ),
                    (
                        "{brand} charged me twice for the same order and neither arrived. The chat keeps closing on "
                        "me. Disgraceful"
                    ),
                    (
                        "In {place} today the {brand} order never arrived, not mine, not my neighbours'. Everyone "
                        "charged. Nobody explains anything. Awful"
                    ),
                    (
                        "Three {brand} orders in a row never arrived and all three charged. No rider, no refund. What "
                        "a mess"
                    ),
                ),
            },
            follower={
                "es": (
                    "A mí me pasó igual con {brand}: el pedido no llegó y me lo han cobrado. Vergüenza {emoji_neg}",
                    "{handle} ¿dónde está mi pedido? Cobrado hace {days} días y ni rastro de él. Es una estafa",
                    (
                        "Lo mismo que {origin}, qué vergüenza. Pedido marcado como entregado y el repartidor nunca "
                        "vino. {brand} devolved el dinero"
                    ),
                    "Pues a mí {brand} me debe {n} pedidos. Ninguno llegó, todos cobrados. Ladrones",
                    "Neta {brand}, el pedido no llegó y me lo cobraron. Qué poca vergüenza",
                    "Mi pedido de {brand} tampoco llegó. Cobrado y sin reembolso. Esto es un robo",
                    "{brand} el reembolso para cuándo? Llevo {days} días esperando. Lamentable",
                    (
                        "Cancelo la suscripción de {brand}. Pedido que no llegó, cobrado y encima me tratan de "
                        "mentirosa. Indignada"
                    ),
                    "Esto de {brand} ya es un escándalo. Pedidos que no llegan y te los cobran igual. Fatal",
                    "Que alguien de {brand} explique por qué el repartidor marca entregado si no llegó nada. Estafa",
                    "{tag} mi pedido tampoco llegó. Cobrado, claro. Qué asco",
                    "Pésimo: lo de {origin} me pasó la semana pasada y {brand} ni reembolso ni disculpa",
                    (
                        "Tenía una cena para {n} personas y el pedido de {brand} no llegó. Cobrado. Gracias por "
                        "arruinarla, desastre"
                    ),
                    (
                        "El chat de {brand} me dice que el pedido está entregado. Mi nevera vacía dice otra cosa. "
                        "Vergonzoso"
                    ),
                    "{brand} ya son {n} pedidos cobrados que no llegaron. Voy a denunciar",
                    "Mi madre, 80 años, esperando el pedido de {brand} toda la tarde. No llegó. Cobrado. Qué vergüenza",
                    "No me lo puedo creer, {brand} rechaza mi reembolso porque «el repartidor lo entregó». Mentira",
                    "Hoy {brand} me ha cobrado {product} y sigo esperando al repartidor. {hours} horas. Lamentable",
                    "¿Soy la única a la que {brand} cobra pedidos que no llegan? Pues parece que somos muchas. Estafa",
                    (
                        "Pedido no llegó, cobrado y el reembolso en «{days} a 10 días hábiles». {brand} sois unos "
                        "caraduras y unos ladrones"
                    ),
                    "Se acabó {brand}. Tercer pedido que no llegó y me lo cobran. Nunca más",
                    (
                        "Pésimo servicio. Qué poca madre {brand}, me cobraron el mandado y nunca llegó. Y el reembolso "
                        "ni sus luces"
                    ),
                    "Lo que cuenta {origin} es lo mismo que me pasa con {brand} desde hace un mes. Fatal",
                    "En {place} a todo el edificio nos pasó: pedido de {brand} no llegó, cobrado a todos. Un desastre",
                    "{handle} exijo el reembolso de mi pedido. No llegó y está cobrado. Reclamación puesta",
                    (
                        "Llamo a {brand} y te cuelgan. Escribo y respuesta automática. Mi pedido no llegó y lo han "
                        "cobrado. Pésimo"
                    ),
                    "{brand} cobrado dos veces y no llegó ninguna. Esto hay que denunciarlo",
                    "Vaya timo {brand}. El repartidor se llevó mi pedido y yo pagando",
                    "Mis vecinos y yo con el mismo problema: {brand} cobra y el pedido no llegó. Vergüenza",
                    (
                        "Pedí a las 9 de la mañana. Son las 9 de la noche. Cobrado y ni rastro del repartidor. {brand} "
                        "sois un desastre"
                    ),
                    "{brand} os he pagado un pedido que no llegó y me ofrecéis un cupón de 5 euros. Tomadura de pelo",
                    "Ya puse queja en consumo por el pedido de {brand} que no llegó. Cobrado y sin reembolso, abusivo",
                    (
                        "{brand} tío, que el pedido no llegó y me lo habéis cobrado. Así de simple. Devolvedme el "
                        "dinero, es un robo"
                    ),
                    (
                        "Me sumo: pedido de {brand} que no llegó, cobrado, y el reembolso denegado. Escandaloso y "
                        "lamentable"
                    ),
                    (
                        "Hoy mis hijos cenan cereales porque el pedido de {brand} no llegó. Cobrado. Gracias por nada, "
                        "sois lo peor"
                    ),
                    (
                        "Es la {n}ª persona que veo hoy con un pedido de {brand} que no llegó. Esto no es casualidad, "
                        "es un timo"
                    ),
                    "Pedido «entregado» según {brand}. El repartidor ni pasó por mi calle. Qué vergüenza",
                    "{brand} el reembolso no es un favor, es mi dinero. Pedido no llegó. Ladrones",
                    "A {origin} y a mí nos ha tomado el pelo {brand}: pedido no llegó y cobrado. Lamentable",
                    "Mi pedido de {brand} no llegó y el soporte me pide fotos... ¿de qué, de mi nevera vacía? Ridículo",
                    "Cobrado el pedido, cancelado por {brand} sin avisar y el reembolso sin fecha. Fatal",
                    "{handle} sois unos mentirosos. El pedido no llegó y la app dice entregado",
                    "Neta ya no confío en {brand}. El pedido no llegó, cobrado y me dejan en visto. Pésimo",
                    "Cuidado con {brand} en {place}: pedidos que no llegan y cobrados igual. Estafa",
                    "Pagué {product} hace {days} días. Ni pedido ni reembolso. {brand} esto es un robo",
                    (
                        "Tras {hours} horas esperando el pedido de {brand} me dicen que el repartidor «tuvo un "
                        "problema». Cobrado igual. Indignante"
                    ),
                    "Ya van {days} días y {brand} sin devolverme el dinero de un pedido que no llegó. Vergonzoso",
                ),
                "en": (
                    "Same happened to me with {brand}: order never arrived and they charged me. Shameful {emoji_neg}",
                    "{handle} where is my order? It's a scam: charged {days} days ago and still nothing",
                    "Same as {origin}, awful. Order marked delivered and the rider never came. {brand} refund me",
                    "{brand} owes me {n} orders. None arrived, all charged. Thieves and liars",
                    "My {brand} order never arrived either. Charged and no refund. Robbery",
                    "{brand} when is the refund coming? {days} days waiting. Pathetic",
                    (
                        "Cancelling my {brand} subscription. Order never arrived, charged, and they called me a liar. "
                        "Furious"
                    ),
                    "This {brand} thing is a scandal. Orders that never arrive and you get charged anyway. Terrible",
                    "Scam. Someone at {brand} explain why the rider marks it delivered when nothing arrived",
                    "{tag} my order never arrived either. Charged obviously. Disgusting",
                    "Awful. What happened to {origin} happened to me last week. {brand}: no refund, no apology",
                    (
                        "Had dinner for {n} people planned and the {brand} order never arrived. Charged. Thanks for "
                        "ruining it, useless"
                    ),
                    "The {brand} chat says my order was delivered. My empty fridge disagrees. Shameful",
                    "{brand} that's {n} orders charged that never arrived. Reporting you",
                    "Can't believe {brand} rejected my refund because the rider delivered it. Lies",
                    "{brand} charged me for {product} and I'm still waiting for the rider. {hours} hours. Pathetic",
                    (
                        "Am I the only one {brand} charges for orders that never arrived? Apparently loads of us. "
                        "Total scam"
                    ),
                    "Order never arrived, charged, refund in 10 working days. {brand} you're having a laugh, thieves",
                    "Done with {brand}. Third order that never arrived and they charge me anyway. Never again",
                    "What {origin} describes is what's been happening to me with {brand} for a month. Terrible",
                    "Whole building in {place}: {brand} order never arrived, everyone charged. A mess",
                    "{handle} I demand a refund for my order. Never arrived and I was charged. Complaint filed",
                    "Call {brand} and they hang up. Write and get a bot. Order never arrived and I'm charged. Awful",
                    "{brand} charged twice and neither order arrived. This needs reporting, disgraceful",
                    "What a scam {brand}. Rider took my order and I'm paying for it",
                    "My neighbours and I have the same problem: {brand} charges and the order never arrived. Disgrace",
                    "Ordered at 9am. It's 9pm. Charged, no sign of the rider. {brand} you're a disaster and a joke",
                    (
                        "{brand} I paid for an order that never arrived and you offer a 5 euro coupon. Insulting and "
                        "ridiculous"
                    ),
                    (
                        "Filed a complaint with consumer affairs about the {brand} order that never arrived. Charged, "
                        "no refund. Outrageous"
                    ),
                    "Adding my voice: {brand} order never arrived, charged, refund denied. Disgraceful",
                    (
                        "Already {n} people on my timeline today with a {brand} order that never arrived. Not a "
                        "coincidence, it's a scam"
                    ),
                    "Delivered according to {brand}. The rider never even came down my street. Liars",
                    "{brand} a refund isn't a favour, it's my money. Order never arrived. Thieves",
                    (
                        "{brand} support asked for photos of the order that never arrived... of what, my empty fridge? "
                        "Ridiculous"
                    ),
                    "Terrible: charged for the order, cancelled by {brand} with no warning and no refund date",
                    "{handle} you're liars. The order never arrived and the app says delivered",
                    "Stopped trusting {brand}. Order never arrived, charged, and now they ghost me. Awful",
                    "Careful with {brand} in {place}: orders never arrive but you get charged anyway. Scam",
                    "Paid for {product} {days} days ago. No delivery, no refund. {brand} this is theft and a disgrace",
                    "{hours} hours waiting and {brand} says the rider had a problem. Charged anyway. Unacceptable",
                    "{days} days and {brand} still hasn't refunded an order that never arrived. Shameful",
                    "Expat in {place} here: {brand} charged my card for an order that never arrived. Avoid, terrible",
                    (
                        "The {brand} delivery tracker said 5 minutes for {hours} hours. Then delivered. Nothing "
                        "arrived, but I got charged. What a joke, useless"
                    ),
                    (
                        "Moved my whole weekly shop to {brand} and this is the result: order never arrived and I was "
                        "charged. Awful"
                    ),
                    "Friendly reminder that {brand} still owes me a refund for an order that never arrived. Pathetic",
                    (
                        "Kids eating cereal for dinner because the {brand} order never arrived. Charged. Cheers for "
                        "nothing, worst service"
                    ),
                ),
            },
            amplifier={
                "es": (
                    (
                        "Decenas de usuarios denuncian que {brand} cobra pedidos que no llegan y rechaza los "
                        "reembolsos. Hemos contactado con la empresa {tag}"
                    ),
                    (
                        "Si {brand} te cobró un pedido que no llegó: guarda las capturas, reclama por escrito y, si no "
                        "responden, acude a consumo. Te explicamos cómo"
                    ),
                    (
                        "Lo que cuenta {origin} no es un caso aislado: recibimos quejas similares sobre {brand} en "
                        "{place}, CDMX y Valencia"
                    ),
                    "La asociación abre un formulario para afectados por pedidos de {brand} no entregados y cobrados",
                    (
                        "{brand} atribuye los pedidos perdidos a «un fallo del sistema de reparto». Los clientes "
                        "siguen sin reembolso"
                    ),
                    (
                        "Mi timeline hoy es gente contando que {brand} les cobró pedidos que no llegaron. ¿A alguien "
                        "más? Os leo"
                    ),
                    "Hablamos con repartidores de {brand} en {place}: «La app marca entregas que no hemos hecho»",
                    "Investigación: cómo el sistema de {brand} marca como entregados pedidos que nunca llegaron",
                    (
                        "{n} de cada 10 mensajes que recibimos esta semana son de clientes de {brand} sin pedido y sin "
                        "reembolso"
                    ),
                    (
                        "Me escribe {origin}: pedido de {brand} cobrado, no llegó, reembolso denegado. Pedimos "
                        "explicaciones a la empresa"
                    ),
                ),
                "en": (
                    (
                        "Dozens of users say {brand} charges for orders that never arrive and rejects refunds. We've "
                        "contacted the company {tag}"
                    ),
                    (
                        "If {brand} charged you for an order that never arrived: keep screenshots, complain in "
                        "writing, then go to consumer affairs. Here's how"
                    ),
                    (
                        "What {origin} describes isn't a one-off: we're getting similar complaints about {brand} in "
                        "{place}, Mexico City and Valencia"
                    ),
                    "Consumer group opens a form for people charged by {brand} for undelivered orders",
                    "{brand} blames the missing orders on a delivery system glitch. Customers still have no refund",
                    (
                        "My timeline today is people saying {brand} charged them for orders that never arrived. Anyone "
                        "else?"
                    ),
                    "We spoke to {brand} riders in {place}: the app marks deliveries we never made",
                    "Investigation: how the {brand} system marks orders as delivered that never arrived",
                    "{n} in 10 messages we got this week are from {brand} customers with no order and no refund",
                    (
                        "{origin} writes to us: {brand} order charged, never arrived, refund denied. We've asked the "
                        "company to explain"
                    ),
                ),
            },
            brand_reply={
                "es": (
                    (
                        "{author} lamentamos lo ocurrido. Hemos detectado un fallo en el sistema de reparto y estamos "
                        "revisando todos los pedidos afectados. Escríbenos por DM"
                    ),
                    (
                        "Hola {author}, tu reembolso ya está aprobado. Lo verás en tu tarjeta en 3 a 5 días. Disculpa "
                        "las molestias"
                    ),
                    (
                        "{author} sentimos mucho que tu pedido no llegara. Pásanos el número de pedido por privado y "
                        "lo solucionamos hoy"
                    ),
                    (
                        "Hola {author}, estamos devolviendo automáticamente el importe de los pedidos afectados. Te "
                        "confirmamos el tuyo por DM"
                    ),
                    (
                        "{author} tienes razón, esto no debería pasar. Hemos abierto una investigación con el equipo "
                        "de reparto"
                    ),
                    (
                        "Hola {author}, además del reembolso te hemos añadido un crédito en la app por las molestias. "
                        "Perdón de nuevo"
                    ),
                ),
                "en": (
                    (
                        "{author} we're sorry about this. We found a fault in our delivery system and are reviewing "
                        "every affected order. Please DM us"
                    ),
                    "Hi {author}, your refund has been approved. You'll see it on your card in 3 to 5 days. Apologies",
                    (
                        "{author} we're very sorry your order didn't arrive. Send us your order number via DM and "
                        "we'll fix it today"
                    ),
                    "Hi {author}, we're automatically refunding affected orders. We'll confirm yours by DM",
                    (
                        "{author} you're right, this shouldn't happen. We've opened an investigation with the delivery "
                        "team"
                    ),
                    "Hi {author}, on top of the refund we've added credit to your account for the trouble. Sorry again",
                ),
            },
        ),
        Cause(
            id="food_safety",
            brand="frutalia",
            title={
                "es": "productos con moho o caducados en los pedidos",
                "en": "mouldy or expired products delivered",
            },
            key_terms={
                "es": ("moho", "caducado", "podrido", "en mal estado", "sanidad"),
                "en": ("mould", "mold", "expired", "rotten", "food safety"),
            },
            sentiment="negative",
            origin={
                "es": (
                    (
                        "Abro el pedido de {brand} y el pan de molde tiene moho por todos lados. Caducado hace {days} "
                        "días. Fotos 👇 Se lo iba a dar a mis hijos. Qué asco {emoji_neg}"
                    ),
                    (
                        "{handle} me habéis mandado yogures caducados y un pollo que olía a podrido. Esto es un "
                        "peligro para la salud. Voy a avisar a sanidad"
                    ),
                    (
                        "Hilo 🧵 Todo lo que me llegó en mal estado en {product} de {brand}: fresas con moho, leche "
                        "caducada, jamón verde. No es la primera vez"
                    ),
                    (
                        "Mi hija se ha puesto mala tras comer el queso de {brand}. Miro la fecha: caducado. Estoy "
                        "indignada y asustada"
                    ),
                    (
                        "La bolsa de ensalada de {brand} con moho y la carne caducada ayer. ¿Nadie revisa nada en ese "
                        "almacén? Asqueroso"
                    ),
                    (
                        "Ojo con {brand}: las fresas llegan con moho y los lácteos caducados. He puesto denuncia en "
                        "sanidad. Vergonzoso"
                    ),
                    (
                        "Pedí {product} y la mitad llegó en mal estado: tomates podridos, pan con moho y huevos "
                        "caducados. {brand} esto es un asco"
                    ),
                    (
                        "Foto del aguacate que me trajo {brand}: podrido por dentro y con moho. Y me lo cobran como "
                        "premium. Lamentable {tag}"
                    ),
                    (
                        "Llevo {days} días enviando fotos a {brand} de la leche caducada que me mandaron. Ni reembolso "
                        "ni disculpa. Un asco"
                    ),
                ),
                "en": (
                    (
                        "Opened my {brand} order and the bread is covered in mould. Expired {days} days ago. Photos 👇 "
                        "I was about to give it to my kids. Disgusting {emoji_neg}"
                    ),
                    (
                        "{handle} you sent me expired yoghurts and chicken that smelled rotten. This is a food safety "
                        "hazard. Reporting it"
                    ),
                    (
                        "Thread 🧵 everything that arrived rotten in my {brand} order: mouldy strawberries, expired "
                        "milk, green ham. Not the first time"
                    ),
                    "My daughter got sick after eating {brand} cheese. Checked the date: expired. Angry and scared",
                    (
                        "{brand} salad bag full of mould and meat that expired yesterday. Does nobody check anything "
                        "in that warehouse? Disgusting"
                    ),
                    (
                        "Careful with {brand}: strawberries arrive mouldy and dairy expired. Reported to food safety. "
                        "Shameful"
                    ),
                    (
                        "Half of {product} arrived rotten: mushy tomatoes, mouldy bread, expired eggs. {brand} this is "
                        "disgusting"
                    ),
                    (
                        "Photo of the avocado {brand} sent me: rotten inside and mouldy. Charged as premium too. Awful "
                        "{tag}"
                    ),
                    (
                        "{days} days sending {brand} photos of the expired milk they delivered. No refund, no apology. "
                        "Disgusting"
                    ),
                ),
            },
            follower={
                "es": (
                    "A mí también me llegó pan con moho de {brand}. Qué asco {emoji_neg}",
                    "{brand} yogures caducados en mi pedido de hoy. Esto es un peligro",
                    "Lo que enseña {origin} es asqueroso. {brand} cómo podéis mandar comida con moho",
                    "Mi pedido de {brand}: fresas con moho y leche caducada. Voy a denunciar a sanidad",
                    "{handle} la carne que me llegó olía a podrido. ¿Quién revisa esto? Vergüenza",
                    "Madre mía las fotos del moho en los pedidos de {brand}. Qué asco de verdad",
                    "Pues yo tiré media compra de {brand} la semana pasada, todo en mal estado. Fatal",
                    "Si tenéis pedido de {brand} revisad las fechas. A mí me llegaron dos cosas caducadas. Lamentable",
                    "{brand} me mandó un pollo caducado y me ofrecen 3 euros de descuento. Indignante",
                    "¿Sanidad sabe lo que está mandando {brand}? Moho, caducados y podridos. Un escándalo",
                    "Mi bebé casi se toma un yogur caducado de {brand}. Estoy temblando de rabia",
                    "Lo de {brand} con la comida en mal estado es gravísimo. Esto no es un retraso, es salud",
                    "{tag} moho en el queso, moho en el pan. ¿Qué pasa en vuestros almacenes? Asqueroso",
                    "Como {origin}: tomates podridos y pan con moho en mi pedido de {brand}. Nunca más",
                    "{brand} la leche caducada hace {days} días. ¿De verdad? Esto es de denuncia",
                    "Acabo de ver la nevera: todo lo de {brand} en mal estado. Cancelo la cuenta. Qué asco",
                    (
                        "Trabajo en hostelería y con lo que vende {brand} nos cerraba sanidad mañana. Moho y "
                        "caducados, vergonzoso"
                    ),
                    "Ya no es el retraso de siempre, es que {brand} manda comida podrida. Peligroso y lamentable",
                    "Las fresas de {brand} venían con moho blanco. Las fotos de {origin} son iguales. Horrible",
                    "Neta {brand} me llegaron las tortillas con moho y el queso caducado. Qué asco",
                    "{brand} os pido que retiréis el lote. Pan con moho en media ciudad. Irresponsables",
                    "Tiré {n} productos caducados del pedido de {brand}. Y me los cobran. Un abuso",
                    "¿Soy la única que ha recibido carne en mal estado de {brand}? Olía fatal",
                    "Mi madre abrió el pedido de {brand} y el pollo estaba podrido. Hemos llamado a sanidad",
                    "Pan con moho, yogures caducados y plátanos podridos. El pack completo de {brand}. Asqueroso",
                    (
                        "A mí {brand} me mandó huevos caducados hace {days} días y me dijeron que «es un error "
                        "puntual». Mentira"
                    ),
                    "Que {brand} se tome en serio la seguridad alimentaria. Moho en la comida no es una broma. Fatal",
                    "Después de ver lo del moho no vuelvo a pedir a {brand}. Qué asco y qué miedo",
                    "Ensalada de {brand} con moho y fecha caducada. Voy a reclamar y a denunciar en sanidad",
                    "{handle} me llegó fruta podrida y leche caducada. ¿Reembolso? ¿Disculpas? Nada. Vergüenza",
                    "Hoy comí algo del pedido de {brand} y me sentó fatal. Ahora veo que estaba caducado. Indignada",
                    "El problema de {brand} no es un producto, es un almacén lleno de comida en mal estado. Terrible",
                    "Pido a sanidad que investigue a {brand}. Demasiados casos de moho y caducados",
                    "Revisad todo lo de {brand}: a mí el jamón me llegó verde y caducado. Asqueroso",
                    "Mis hijos comen lo que compro. Que {brand} mande comida con moho es inaceptable",
                    "Abro la caja de {brand} y el olor a podrido llegaba al salón. Vergonzoso",
                    "{brand} mandando comida caducada en plena ola de calor. Irresponsables y peligrosos",
                    "Otra foto más de moho en un pedido de {brand}. Van decenas hoy. Lamentable",
                    "El caso de {origin} me pasó ayer con el queso de {brand}. Caducado y con moho. Fatal",
                    "Pagas por calidad y {brand} te manda productos podridos. Estafa",
                    (
                        "Trabajé en un almacén así y sé lo que pasa. {brand} vende caducados porque le sale más "
                        "barato. Asco"
                    ),
                    "Vaya tela {brand}, pan con moho y la app diciendo «frescura garantizada». Mentira",
                    "{brand} en {place} está repartiendo comida en mal estado. Cuidado, de verdad. Peligroso",
                    "Pedido de {brand} directo a la basura: moho y caducado. Qué asco",
                    (
                        "He abierto la caja de {brand} con guantes por si acaso. Las naranjas con moho otra vez. "
                        "Lamentable"
                    ),
                    (
                        "La leche de {brand} caducada y la nata con grumos. Me quejo por aquí porque el chat no "
                        "contesta. Fatal"
                    ),
                    "Si {brand} no controla la cadena de frío, que no venda carne. Pollo en mal estado y olor horrible",
                ),
                "en": (
                    "Got mouldy bread from {brand} too. Disgusting {emoji_neg}",
                    "{brand} expired yoghurts in my order today. This is dangerous",
                    "The photos {origin} posted are disgusting. {brand} how can you send mouldy food",
                    "My {brand} order: mouldy strawberries and expired milk. Reporting it to food safety",
                    "{handle} the meat I got smelled rotten. Who checks this stuff? Shameful",
                    "Those mould photos from {brand} orders. Honestly disgusting",
                    "Threw away half my {brand} shop last week, all rotten. Awful",
                    "If you've got a {brand} order check the dates. Two things expired in mine. Terrible",
                    "{brand} sent me expired chicken and offered 3 euros off. Insulting",
                    "Does food safety know what {brand} is sending? Mould, expired, rotten. Scandal",
                    "My baby almost ate an expired {brand} yoghurt. Shaking with anger",
                    "The {brand} rotten food thing is serious. This isn't a late delivery, it's people's health. Awful",
                    "{tag} mould on the cheese, mould on the bread. What's going on in your warehouses? Disgusting",
                    "Like {origin}: rotten tomatoes and mouldy bread in my {brand} order. Never again",
                    "{brand} milk expired {days} days ago. Seriously? Disgraceful",
                    (
                        "Just checked the fridge: everything from {brand} is rotten or expired. Account deleted. Gross "
                        "and disgusting"
                    ),
                    (
                        "I work in catering and food safety would shut us down for what {brand} sells. Mould and "
                        "expired stuff, shameful"
                    ),
                    "It's not the usual delay, {brand} is sending rotten food. Dangerous and awful",
                    "{brand} strawberries came with white mould. Same as the photos from {origin}. Horrible",
                    "{brand} please recall the batch. Mouldy bread all over the city. Irresponsible and disgraceful",
                    "Threw out {n} expired products from my {brand} order. And they charged me. Rip off",
                    "Am I the only one who got rotten meat from {brand}? Smelled horrible",
                    "Mum opened the {brand} order and the chicken was rotten. We called food safety",
                    "Mouldy bread, expired yoghurts, rotten bananas. The full {brand} experience. Disgusting",
                    "{brand} sent me expired eggs {days} days ago and said it was a one-off. Lies",
                    "Awful from {brand}. Mould on food is not a joke, take food safety seriously",
                    "After the mould stories I'm never ordering from {brand} again. Gross and scary, terrible",
                    "{brand} salad with mould and an expired date. Complaining and reporting to food safety",
                    "{handle} got rotten fruit and expired milk. Refund? Apology? Silence. Shameful",
                    "Ate something from my {brand} order and felt awful. Now I see it was expired. Angry",
                    "The {brand} problem isn't one product, it's a warehouse full of rotten food. Terrible",
                    "Food safety inspectors need to look at {brand}. Too many mould and expired cases",
                    "Check everything from {brand}: my ham arrived green and expired. Disgusting",
                    "My kids eat what I buy. {brand} sending mouldy food is unacceptable",
                    "Opened the {brand} box and the rotten smell reached the living room. Disgusting",
                    "{brand} delivering expired food in a heatwave. Irresponsible and dangerous, awful",
                    "Another photo of mould in a {brand} order. Dozens today. Pathetic",
                    "What happened to {origin} happened to me yesterday with {brand} cheese. Expired and mouldy. Awful",
                    "You pay for quality and {brand} sends rotten produce. Scam",
                    "{brand} moldy bread and the app says freshness guaranteed. Lies",
                    "{brand} in {place} is delivering rotten food. Be careful, seriously. Dangerous",
                    "{brand} order straight in the bin: mould and expired. Disgusting",
                    "Expat tip: avoid {brand}. Mouldy fruit twice this month and expired dairy. Awful",
                    "My flatmate got food poisoning, we think from expired {brand} chicken. Furious",
                    "The {brand} response to the mould photos is a copy-paste apology. Pathetic, food safety isn't PR",
                ),
            },
            amplifier={
                "es": (
                    (
                        "Usuarios de {brand} denuncian productos con moho y caducados en sus pedidos. Sanidad confirma "
                        "que ha recibido varias quejas {tag}"
                    ),
                    (
                        "Qué hacer si te llega comida caducada o en mal estado: no la consumas, haz fotos, reclama a "
                        "{brand} y avisa a sanidad. Hilo 🧵"
                    ),
                    (
                        "Las fotos que ha compartido {origin} se han hecho virales: pan con moho y lácteos caducados "
                        "en un pedido de {brand}"
                    ),
                    (
                        "La asociación pide a {brand} que retire los lotes afectados y explique qué falla en su cadena "
                        "de frío"
                    ),
                    (
                        "{brand} reconoce «incidencias puntuales» en un almacén de {place} tras la ola de quejas por "
                        "comida en mal estado"
                    ),
                    (
                        "Ojo que lo de {brand} ya no es una queja más: moho y caducados es un tema de salud. Resumo lo "
                        "que sabemos"
                    ),
                    (
                        "Hablamos con una experta en seguridad alimentaria sobre las fotos de {brand}: «Ese moho no "
                        "aparece en un día»"
                    ),
                    "Sanidad de {place} abre una inspección en el almacén de {brand}, según fuentes consultadas",
                    (
                        "He hablado con {origin}: su hija enfermó tras comer un producto caducado de {brand}. La "
                        "empresa no ha respondido"
                    ),
                    (
                        "Recopilamos {n}0 casos de productos con moho o caducados entregados por {brand} en la última "
                        "semana"
                    ),
                ),
                "en": (
                    (
                        "{brand} users report mouldy and expired products in their orders. Health authorities confirm "
                        "several complaints {tag}"
                    ),
                    (
                        "What to do if you get expired or rotten food: don't eat it, take photos, complain to {brand}, "
                        "report it to food safety. Thread 🧵"
                    ),
                    "The photos {origin} shared went viral: mouldy bread and expired dairy in a {brand} order",
                    (
                        "Consumer group asks {brand} to recall the affected batches and explain what's failing in its "
                        "cold chain"
                    ),
                    (
                        "{brand} admits isolated incidents at a {place} warehouse after a wave of complaints about "
                        "rotten food"
                    ),
                    (
                        "The {brand} story isn't just another complaint: mould and expired food is a health issue. "
                        "What we know"
                    ),
                    "We asked a food safety expert about the {brand} photos: that mould doesn't appear overnight",
                    "Health inspectors in {place} open an inspection at a {brand} warehouse, sources say",
                    (
                        "I spoke to {origin}: her daughter got sick after eating an expired {brand} product. The "
                        "company hasn't replied"
                    ),
                    "We've collected {n}0 cases of mouldy or expired products delivered by {brand} in the last week",
                ),
            },
            brand_reply={
                "es": (
                    (
                        "{author} lo sentimos muchísimo. Hemos retirado el lote afectado y estamos revisando el "
                        "almacén. Escríbenos por DM para el reembolso"
                    ),
                    (
                        "Hola {author}, esto es inaceptable también para nosotros. Ya te hemos devuelto el importe y "
                        "hemos abierto una investigación"
                    ),
                    (
                        "{author} gracias por las fotos. Nos ayudan a localizar el lote. Te contactamos por privado "
                        "hoy mismo"
                    ),
                    (
                        "Hola {author}, por tu seguridad no consumas el producto. Te reembolsamos el pedido completo y "
                        "te escribimos por DM"
                    ),
                    "{author} pedimos disculpas. Estamos colaborando con sanidad y reforzando los controles de calidad",
                    (
                        "Hola {author}, si alguien en casa ha comido el producto y se encuentra mal, escríbenos por "
                        "privado: nos hacemos cargo de todo"
                    ),
                ),
                "en": (
                    (
                        "{author} we're so sorry. We've withdrawn the affected batch and are inspecting the warehouse. "
                        "DM us for your refund"
                    ),
                    "Hi {author}, this is unacceptable to us too. We've refunded you and opened an investigation",
                    "{author} thanks for the photos, they help us trace the batch. We'll contact you privately today",
                    (
                        "Hi {author}, for your safety please don't eat the product. We'll refund the whole order and "
                        "DM you"
                    ),
                    (
                        "{author} our apologies. We're cooperating with the health authorities and tightening quality "
                        "checks"
                    ),
                    (
                        "Hi {author}, if anyone at home ate the product and feels unwell, please DM us: we'll take "
                        "care of everything"
                    ),
                ),
            },
        ),
    ),
    good_news=Cause(
        id="rider_kindness",
        brand="frutalia",
        title={
            "es": "el repartidor que ayudó a una abuela durante la ola de calor",
            "en": "delivery rider helps an elderly woman during the heatwave",
        },
        key_terms={
            "es": ("repartidor", "abuela", "ola de calor", "gesto"),
            "en": ("rider", "grandma", "heatwave", "kindness"),
        },
        sentiment="positive",
        origin={
            "es": (
                (
                    "Mi abuela de 88 años vive sola en {place}. En plena ola de calor el repartidor de {brand} la "
                    "encontró mareada, le subió la compra, le puso el ventilador y esperó con ella hasta que llegué. "
                    "Gracias infinitas {emoji_pos}"
                ),
                (
                    "Quiero que esto se sepa: Samuel, repartidor de {brand}, vio que mi abuela no abría y avisó a los "
                    "vecinos. Estaba deshidratada por la ola de calor. Gracias a él está bien. Un héroe"
                ),
                (
                    "El repartidor de {brand} le subió a mi abuela seis garrafas de agua a un quinto sin ascensor con "
                    "40 grados. Y no quiso propina. Qué gran persona, gracias {handle}"
                ),
                (
                    "Hilo precioso 🧵 Lo que hizo ayer un repartidor de {brand} por mi abuela durante la ola de calor. "
                    "Aún me emociono. Gracias, gracias, gracias"
                ),
                (
                    "Mi abuela pidió fruta a {brand} y el repartidor notó que en su piso hacía muchísimo calor. Le "
                    "abrió las ventanas, le dio agua y llamó a mi madre. Gracias de corazón"
                ),
                (
                    "Nunca había escrito a una empresa para dar las gracias. {brand}, vuestro repartidor cuidó de mi "
                    "abuela en plena ola de calor. Increíble gesto"
                ),
                (
                    "En {place}, un repartidor de {brand} vuelve cada tarde a ver si mi abuela está bien desde la ola "
                    "de calor. Sin que nadie se lo pida. Maravilloso"
                ),
                (
                    "Gracias al repartidor de {brand} que ayudó a mi abuela cuando se mareó en el portal con el calor. "
                    "Amabilísimo y atento, ojalá le den un premio"
                ),
                (
                    "Mi abuela dice que el repartidor de {brand} es «el nieto que le ha tocado». Le sube la compra, le "
                    "cambia la bombilla y le lleva agua fresquita. Qué maravilla"
                ),
            ),
            "en": (
                (
                    "My 88-year-old grandma lives alone in {place}. During the heatwave the {brand} rider found her "
                    "dizzy, carried her shopping up, set up her fan and waited with her until I arrived. Thank you so "
                    "much {emoji_pos}"
                ),
                (
                    "I want people to know: Samuel, a {brand} rider, noticed my grandma wasn't answering and alerted "
                    "the neighbours. She was dehydrated from the heatwave. She's fine thanks to him. Hero"
                ),
                (
                    "The {brand} rider carried six big bottles of water up five floors for my grandma in 40 degrees "
                    "and refused a tip. Wonderful person, thank you {handle}"
                ),
                (
                    "Lovely thread 🧵 What a {brand} rider did for my grandma yesterday during the heatwave. Still "
                    "emotional"
                ),
                (
                    "Grandma ordered fruit from {brand} and the rider noticed her flat was boiling. Opened the "
                    "windows, gave her water and called my mum. Thank you so much"
                ),
                (
                    "Never written to a company to say thanks before. {brand}, your rider looked after my grandma in "
                    "the heatwave. Amazing kindness"
                ),
                (
                    "In {place}, a {brand} rider has come back every afternoon since the heatwave to check on my "
                    "grandma. Nobody asked him to. Wonderful"
                ),
                (
                    "Thank you to the {brand} rider who helped my grandma when she felt faint in the heat. So kind, he "
                    "deserves an award"
                ),
                (
                    "Grandma says the {brand} rider is her adopted grandson. Carries her shopping, changes her light "
                    "bulbs, brings her cold water. Lovely"
                ),
            ),
        },
        follower={
            "es": (
                "Qué maravilla lo del repartidor de {brand} con la abuela {emoji_pos}",
                "Ese repartidor de {brand} se merece un premio. Gracias por cuidar de la abuela",
                "Lo que cuenta {origin} me ha alegrado el día. Bravo por el repartidor de {brand}",
                "Enhorabuena {brand}, tenéis a un crack de repartidor. Gesto increíble",
                "Con la ola de calor que hace, lo del repartidor de {brand} es lo mejor que he leído",
                "Me encanta esta historia. El repartidor de {brand} y la abuela, qué genial",
                "Gracias al repartidor de {brand} por recordarnos que la gente buena existe",
                "{tag} ese repartidor es un héroe. Enhorabuena y gracias",
                "Que {brand} le suba el sueldo al repartidor YA. Gesto maravilloso con la abuela",
                "Neta qué bonito lo del repartidor de {brand}, así da gusto. Gracias",
                "Mi abuela también vive sola y leer esto me ha emocionado. Gracias al repartidor de {brand}",
                "Olé por el repartidor de {brand}. En plena ola de calor, cuidando de una abuela. Genial",
                "La historia de {origin} es lo más bonito del día. Felicidades al repartidor de {brand}",
                "Hacen falta más personas como el repartidor de {brand}. Gracias de corazón",
                "Pues ahora pido en {brand} aunque sea por ese repartidor. Increíble gesto",
                "Felicito a {brand} por tener gente así. El gesto con la abuela es enorme",
                "Qué gran persona el repartidor de {brand}. Me encanta",
                "Se me han saltado las lágrimas con lo de la abuela. Bravo repartidor de {brand}",
                "Esto sí es servicio a domicilio. Enhorabuena al repartidor de {brand}, un crack",
                "Gracias al repartidor de {brand} por su amabilidad con la abuela durante la ola de calor",
                "Lo del repartidor de {brand} es de las mejores cosas de internet esta semana. Genial",
                "Qué gesto tan maravilloso del repartidor de {brand}. Gracias",
                "El repartidor de {brand} subiendo garrafas a la abuela con 40 grados. Increíble, un héroe sin capa",
                "Ojalá todos los vecinos fueran como el repartidor de {brand}. Felicidades",
                "Me encanta que se hagan virales historias así. Bravo por el repartidor de {brand}",
                "La abuela y el repartidor de {brand} ya son mis personajes favoritos. Qué maravilla",
                "Que alguien le dé las gracias en persona al repartidor de {brand}. Enorme y amable",
                "Enhorabuena al repartidor de {brand}, esa abuela tiene un ángel. Genial",
                "Lo del repartidor de {brand} me ha dado la vida hoy. Gracias, de verdad, un gesto genial",
                "Gran gesto el del repartidor de {brand} en la ola de calor. Bravo",
                "Mi madre ha compartido lo del repartidor de {brand} en todos los grupos. Maravilloso",
                "{brand} deberíais hacerle un homenaje al repartidor. Gesto increíble con la abuela",
                "Lo mejor de hoy: el repartidor de {brand} cuidando de una abuela en la ola de calor. Gracias",
                "Admiro muchísimo lo que hizo el repartidor de {brand}. Enhorabuena y gracias",
                "Qué bonita la historia de {origin}. El repartidor de {brand} es un crack",
                "Gracias {brand} por contratar a gente tan buena. Lo del repartidor y la abuela, genial",
                "Ese repartidor de {brand} tiene un corazón enorme. Me encanta",
                "Pocas cosas me emocionan tanto como esto. Gracias repartidor de {brand}",
                "Así da gusto. El repartidor de {brand} es lo mejor. Enhorabuena",
                "Vaya crack el repartidor de {brand}. La abuela está bien gracias a él",
                "Lo del repartidor de {brand} me ha alegrado la semana. Bravo",
                "Felicidades al repartidor de {brand} y un abrazo enorme a la abuela de {origin}",
                "Necesitamos más noticias así. Gracias al repartidor de {brand}, un crack de persona",
                "Que el repartidor de {brand} sepa que media España le da las gracias. Genial gesto",
                "El repartidor de {brand} se ha ganado a todo internet. Increíble",
            ),
            "en": (
                "That {brand} rider is amazing {emoji_pos}",
                "The {brand} rider deserves an award. Thank you for looking after grandma",
                "The story from {origin} made my day. Well done {brand} rider",
                "{brand} you have a legend of a rider. Amazing kindness",
                "With this heatwave, the {brand} rider story is the best thing I've read",
                "Love this story. The {brand} rider and the grandma, wonderful",
                "Thank you {brand} rider for reminding us good people exist",
                "{tag} that rider is a hero. Thank you so much",
                "{brand} give that rider a raise NOW. Wonderful kindness to grandma",
                "My grandma lives alone too and this got me. Thank you to the {brand} rider",
                "Kudos to the {brand} rider. In a heatwave, looking after a grandma. Brilliant",
                "The {origin} story is the loveliest thing today. Congrats to the {brand} rider",
                "We need more people like the {brand} rider. Thank you so much",
                "I'll order from {brand} just because of that rider. Amazing kindness",
                "Congratulations {brand} on having people like that. Huge kindness",
                "What a wonderful person the {brand} rider is. Love it",
                "Happy tears over the grandma story. Well done {brand} rider",
                "Now that's home delivery. Congrats to the {brand} rider, legend",
                "Thank you to the {brand} rider for being so kind to grandma during the heatwave",
                "The {brand} rider story is one of the best things online this week. Lovely",
                "What a wonderful kindness from the {brand} rider. Thank you",
                "Wish every neighbour was like the {brand} rider. Brilliant",
                "Love it when stories like this go viral. Well done {brand} rider",
                "Grandma and the {brand} rider are my favourite people now. Wonderful",
                "Someone thank the {brand} rider in person. Kind and amazing",
                "Needed this today: the {brand} rider made my day. Thanks, lovely story",
                "Great kindness from the {brand} rider in the heatwave. Kudos",
                "My mum shared the {brand} rider story in every group chat. Wonderful",
                "{brand} you should honour that rider. Amazing kindness to grandma",
                "Best thing today: the {brand} rider looking after a grandma in the heatwave. Thank you",
                "Huge respect for the {brand} rider. Well done and thank you",
                "Lovely story from {origin}. The {brand} rider is a legend",
                "Thanks {brand} for hiring such good people. The rider and grandma story is great",
                "That {brand} rider has a huge heart. Love it",
                "Few things move me like this. Thank you {brand} rider",
                "That's how it's done. The {brand} rider is the best",
                "Grandma is fine thanks to the {brand} rider. What a legend, amazing",
                "The {brand} rider made my week. Brilliant",
                "Congrats to the {brand} rider and a big hug to {origin}'s grandma",
                "We need more news like this. Thank you {brand} rider, great person",
                "The whole internet loves the {brand} rider now. Amazing",
                "Honestly the {brand} rider story is the wholesome content I needed. Thank you, lovely",
                "Expat in {place} and this made me love my adopted city even more. Thanks {brand} rider",
                "Carrying water up five floors in a heatwave for a stranger's grandma. {brand} rider, you're wonderful",
                "If you see the {brand} rider from the viral story, thank him from me. Lovely kindness",
            ),
        },
        amplifier={
            "es": (
                (
                    "La historia que emociona las redes: un repartidor de {brand} cuida de una abuela que vive sola "
                    "durante la ola de calor {tag}"
                ),
                (
                    "Hablamos con {origin}: «El repartidor de {brand} hizo por mi abuela lo que debería hacer "
                    "cualquiera, pero nadie hace»"
                ),
                (
                    "{brand} anuncia que reconocerá al repartidor que ayudó a una anciana en {place} durante la ola de "
                    "calor"
                ),
                "Por fin una buena noticia: el gesto del repartidor de {brand} con una abuela se hace viral",
                (
                    "La ola de calor y la soledad de los mayores: el caso del repartidor de {brand} nos recuerda algo "
                    "importante. Hilo 🧵"
                ),
                "Lo que ha contado {origin} sobre el repartidor de {brand} es lo más compartido del día. Con razón",
                "Más de {n}0.000 mensajes de apoyo para el repartidor de {brand} que ayudó a una abuela en {place}",
                (
                    "Las asociaciones de mayores agradecen el gesto del repartidor de {brand} y piden más atención en "
                    "la ola de calor"
                ),
                (
                    "Hoy en el vídeo: el repartidor de {brand} y la abuela. Una historia de las que reconcilian con el "
                    "mundo"
                ),
                "{brand} se ha llevado hoy los aplausos gracias a uno de sus repartidores. Así se construye una marca",
            ),
            "en": (
                (
                    "The story moving the internet: a {brand} rider looks after an elderly woman living alone during "
                    "the heatwave {tag}"
                ),
                "We spoke to {origin}: the {brand} rider did for my grandma what anyone should do, but nobody does",
                "{brand} says it will honour the rider who helped an elderly woman in {place} during the heatwave",
                "Finally some good news: a {brand} rider's kindness to a grandma goes viral",
                (
                    "Heatwaves and lonely elderly people: the {brand} rider story reminds us of something important. "
                    "Thread 🧵"
                ),
                "The {origin} post about the {brand} rider is the most shared thing today. Rightly so",
                "Over {n}0,000 messages of support for the {brand} rider who helped a grandma in {place}",
                "Charities for the elderly thank the {brand} rider and call for more care in the heatwave",
                "In today's video: the {brand} rider and the grandma. A story that restores your faith",
                "{brand} gets the applause today thanks to one of its riders. That's how you build a brand",
            ),
        },
        brand_reply={
            "es": (
                "{author} ¡gracias por compartirlo! Samuel ya sabe lo que ha provocado y está emocionado {emoji_pos}",
                "Hola {author}, estamos muy orgullosos de nuestro repartidor. Un abrazo enorme a tu abuela",
                "{author} historias así nos recuerdan por qué hacemos esto. Gracias por tus palabras",
                "Hola {author}, le haremos llegar todos vuestros mensajes al repartidor. ¡Gracias!",
                "{author} ¡qué alegría leerte! Cuida mucho de tu abuela y mucha agua con este calor {emoji_pos}",
                "Hola {author}, gracias. Le daremos un reconocimiento a nuestro compañero, se lo merece",
            ),
            "en": (
                "{author} thank you for sharing! Samuel knows about all this and he's so moved {emoji_pos}",
                "Hi {author}, we're so proud of our rider. A big hug to your grandma",
                "{author} stories like this remind us why we do this. Thank you for your words",
                "Hi {author}, we'll pass all your messages on to the rider. Thank you!",
                "{author} so happy to read this! Look after your grandma and stay hydrated in this heat {emoji_pos}",
                "Hi {author}, thank you. Our colleague will get a special recognition, he deserves it",
            ),
        },
    ),
)

_CONECTIA = BrandVoice(
    id="conectia",
    name="Conectia",
    handles=("@conectia", "@conectia_responde"),
    tags=("conectia",),
    spanish_share=0.75,
    products={
        "es": (
            "la fibra",
            "el router",
            "la línea móvil",
            "la tarifa de fibra y móvil",
            "el wifi de casa",
            "la factura de este mes",
            "la portabilidad",
            "los datos del móvil",
            "la instalación de la fibra",
            "el paquete con tele",
            "la línea fija",
            "el contrato nuevo",
        ),
        "en": (
            "the fibre",
            "the router",
            "my mobile line",
            "the fibre and mobile bundle",
            "the home wifi",
            "this month's bill",
            "the number transfer",
            "my mobile data",
            "the fibre installation",
            "the TV package",
            "the landline",
            "the new contract",
        ),
    },
    places=(
        "Madrid",
        "Valencia",
        "Alicante",
        "Murcia",
        "Zaragoza",
        "Málaga",
        "Vigo",
        "Getafe",
        "Móstoles",
        "Torrejón",
        "Benidorm",
        "Marbella",
        "Castellón",
        "Jávea",
        "Fuengirola",
    ),
    everyday={
        "praise": {
            "es": (
                "Instalaron la fibra en {place} en dos días y el técnico majísimo. Gracias {handle} {emoji_pos}",
                "600 megas de verdad con {brand}, medido y remedido. Perfecto para teletrabajar",
                "Llamé a {brand} para bajar de tarifa y en 5 minutos resuelto. Genial, y sin permanencias raras",
                "La portabilidad a {brand} ha sido rapidísima y fácil, ni me enteré del cambio",
                "{brand} tiene el mejor soporte técnico que he tenido en mi vida. Rápidos y amables",
                "Me encanta el router nuevo de {brand}, llega a todas las habitaciones. Por fin wifi en el baño jajaja",
                "{handle} gracias por solucionar lo del wifi en remoto, ni tuve que esperar al técnico. Excelente",
                "Con {brand} llevo {n} años sin una sola incidencia. Lo recomiendo",
                "Jugando online con {brand} y el ping de lujo {emoji_pos}",
                "Me encanta la app de {brand}, ves el consumo y la factura claritos",
                "Mi madre de 75 años ha llamado a {brand} y dice que la han atendido genial. Eso vale oro",
                "Cambié a {brand} por precio y me quedo por el servicio. Muy contento {tag}",
                "Fibra y móvil con {brand} por menos de lo que pagaba solo por la fibra. Encantada",
                "La técnica de {brand} que vino hoy, un crack: cableado perfecto y todo explicado",
            ),
            "en": (
                (
                    "{brand} installed the fibre in {place} in two days and the engineer was lovely. Thanks {handle} "
                    "{emoji_pos}"
                ),
                "Actually getting 600 Mb with {brand}. Perfect for working from home",
                "Called {brand} to downgrade and it was sorted in 5 minutes. Great",
                "Moving my number to {brand} was so smooth, didn't even notice the switch",
                "{brand} has the best tech support I've ever had. Quick and friendly",
                "Love the new {brand} router, reaches every room. Wifi in the bathroom at last lol",
                "{handle} thanks for fixing the wifi remotely, didn't even need an engineer. Excellent",
                "{n} years with {brand} and zero issues. Recommend",
                "Online gaming on {brand} and the ping is perfect {emoji_pos}",
                "Love the {brand} app, usage and bills are really clear",
                "English-speaking support at {brand} was brilliant. As an expat that's gold",
                "Switched to {brand} for the price, staying for the service. Happy {tag}",
                "Fibre and mobile with {brand} for less than I paid for fibre alone. Delighted",
            ),
        },
        "complaint": {
            "es": (
                "{handle} llevo {days} días esperando al técnico para la instalación. Pésimo",
                "La fibra de {brand} se corta cada noche a las 11. Qué desastre {emoji_neg}",
                "{brand} me cobráis 60 megas de más que no veo ni en sueños. Un timo",
                "Tres llamadas a {brand} y tres respuestas distintas. Atención al cliente lamentable",
                "El router de {brand} se reinicia solo cada hora. Harto",
                "{brand} ni una rayita de cobertura en {place}. Fatal",
                "{handle} vergonzoso: la portabilidad lleva {days} días parada y me he quedado sin línea",
                "Me prometieron 1 giga y {brand} me da 80 megas. Engaño total",
                "Quise darme de baja de {brand} y me pasaron por {n} departamentos. Horrible",
                "{brand} otra vez sin tele en mitad del partido. Muy mal",
                "El técnico de {brand} no vino y nadie avisó. He perdido el día, qué mal servicio",
                "{brand} el wifi va fatal desde la actualización del router",
                "Llamar a {brand} es un infierno. {hours} horas de espera y me cuelgan. Pésimo",
                "{brand} me han cobrado la instalación cuando era gratis. Reclamación al canto",
            ),
            "en": (
                "{handle} waiting {days} days for an engineer to install the fibre. Awful",
                "{brand} fibre drops every night at 11. Terrible {emoji_neg}",
                "{brand} sells 600 Mb and I get 40. Rip off",
                "Three calls to {brand}, three different answers. Customer service is useless",
                "The {brand} router restarts itself every hour. So annoying",
                "{brand} zero mobile coverage in {place}. Terrible",
                "{handle} number transfer stuck for {days} days and I've got no phone line. Shameful",
                "Promised 1 Gb, {brand} gives me 80 Mb. Total lie",
                "Tried to cancel {brand} and got passed through {n} departments. Nightmare",
                "{brand} TV down again in the middle of the match. Bad",
                "{brand} engineer didn't show up and nobody called. Lost a day of work, awful",
                "Calling {brand} is hell. {hours} hours on hold then they hang up. Terrible",
                "{brand} charged me for installation when it was meant to be free. Ridiculous, complaint filed",
            ),
        },
        "question": {
            "es": (
                "{handle} ¿llega la fibra de {brand} a {place}?",
                "¿Alguien tiene {brand} en {place}? ¿Qué tal va?",
                "{handle} ¿cuánto tarda la instalación de la fibra en {place}?",
                "¿{brand} tiene permanencia en la tarifa de fibra sola?",
                "{handle} ¿puedo cambiar el router por uno mío?",
                "¿Se puede contratar {brand} solo con móvil?",
                "{handle} ¿la tarifa incluye llamadas al extranjero?",
                "Gente que tiene {brand}: ¿el wifi llega bien a toda la casa?",
                "{handle} ¿cómo cambio la contraseña del wifi?",
                "¿{brand} tiene roaming en Reino Unido?",
                "{handle} si me mudo a {place} ¿me lleváis la fibra?",
                "¿Sabéis si {brand} da IP fija?",
                "{handle} ¿hay descuento por añadir otra línea móvil?",
            ),
            "en": (
                "{handle} does {brand} fibre reach {place}?",
                "Anyone have {brand} in {place}? How is it?",
                "{handle} how long does fibre installation take in {place}?",
                "Is there a minimum contract with {brand} fibre only?",
                "{handle} can I use my own router?",
                "Can I get {brand} mobile only?",
                "{handle} does the plan include international calls?",
                "{brand} customers: does the wifi cover the whole house?",
                "{handle} how do I change my wifi password?",
                "Does {brand} include roaming in the UK?",
                "{handle} if I move to {place} can I take my fibre with me?",
                "Does {brand} offer a static IP?",
                "{handle} is there English-speaking support?",
            ),
        },
        "neutral": {
            "es": (
                "{brand} llevará la fibra a {n}0 municipios más este año",
                "{brand} lanza una tarifa de 1 giga con móvil ilimitado",
                "{brand} amplía su cobertura 5G en {place}",
                "{brand} ofrecerá atención en inglés para clientes extranjeros",
            ),
            "en": (
                "{brand} to bring fibre to {n}0 more towns this year",
                "{brand} launches a 1 Gb plan with unlimited mobile",
                "{brand} extends 5G coverage in {place}",
            ),
        },
        "chatter": {
            "es": (
                "Teletrabajando desde {place} con {brand} y un café. Lunes, allá vamos",
                "El nombre del wifi de mi vecino es «{brand} de los pobres» y me parto",
                "Nueva casa, nuevo router de {brand}, y ya he puesto el wifi con nombre de meme {tag}",
                "Mi padre reinicia el router de {brand} como quien reza",
                "Maratón de series este finde. {brand}, no me falles jaja",
                "El técnico de {brand} conoce mi casa mejor que mi familia",
            ),
            "en": (
                "Working from {place} with {brand} and a coffee. Monday, here we go",
                "Named my {brand} wifi after a meme and my neighbours can't stand it lol {tag}",
                "My dad restarts the {brand} router like it's a religious ritual",
                "Series marathon this weekend. Come on {brand} lol",
                "Moving flat and the first box I unpack is the {brand} router",
            ),
        },
    },
    causes=(
        Cause(
            id="outage",
            brand="conectia",
            title={
                "es": "caída de la fibra en toda la zona durante horas",
                "en": "area-wide fibre outage for hours",
            },
            key_terms={
                "es": ("caída", "sin internet", "sin fibra", "avería", "corte"),
                "en": ("outage", "down", "no internet", "fibre", "no info"),
            },
            sentiment="negative",
            origin={
                "es": (
                    (
                        "{brand} lleva {hours} horas sin dar servicio en todo {place}. Sin internet, sin fibra, sin "
                        "fijo y sin una sola explicación. Teletrabajo a la basura {emoji_neg}"
                    ),
                    (
                        "{handle} caída total de la fibra en {place} desde las 8 de la mañana. El teléfono de averías "
                        "comunica y la web dice «sin incidencias». Vergüenza"
                    ),
                    (
                        "Todo mi barrio en {place} sin internet desde anoche. Los vecinos con {brand}, igual. Nadie "
                        "sabe nada. La avería más larga que recuerdo. Fatal"
                    ),
                    (
                        "Hilo 🧵 de la caída de {brand}: empieza a las 7, a las 12 sigue, nadie informa. Tengo a {n} "
                        "compañeros de trabajo en la misma situación"
                    ),
                    (
                        "Soy autónoma y llevo {hours} horas sin fibra por una avería de {brand}. Pierdo clientes y "
                        "dinero y la operadora ni un SMS. Indignada"
                    ),
                    (
                        "Corte de {brand} en {place}: sin internet y el móvil sin datos. ¿Cómo avisas de una avería si "
                        "no tienes línea? Desastre absoluto"
                    ),
                    (
                        "Mi padre tiene teleasistencia y con la caída de {brand} no funciona. {hours} horas. Esto es "
                        "peligroso y lamentable"
                    ),
                    (
                        "La caída de la fibra de {brand} ya dura {hours} horas. Examen online de mi hija perdido. "
                        "Nadie da la cara {tag}"
                    ),
                    "{brand} avería masiva en {place}. Técnicos sin información, atención al cliente colapsada. Pésimo",
                ),
                "en": (
                    (
                        "{brand} has been down for {hours} hours across {place}. No internet, no fibre, no landline "
                        "and no info at all. Work day ruined, awful {emoji_neg}"
                    ),
                    (
                        "{handle} total fibre outage in {place} since 8am. The fault line is busy and the website says "
                        "no incidents. Shameful"
                    ),
                    (
                        "My whole area in {place} has had no internet since last night. Neighbours with {brand}, same. "
                        "No info. Longest outage I can remember. Awful"
                    ),
                    (
                        "Thread 🧵 on the {brand} outage: started at 7, still down at 12, no info from anyone. {n} "
                        "colleagues in the same boat"
                    ),
                    (
                        "Freelancer here, {hours} hours with no fibre because of a {brand} outage. Losing clients and "
                        "money and not even a text. Furious"
                    ),
                    (
                        "{brand} outage in {place}: no internet and mobile data down too. How do you report a fault "
                        "with no connection? Total chaos"
                    ),
                    (
                        "My dad's care alarm runs on the line and with the {brand} outage it's not working. {hours} "
                        "hours. Dangerous and unacceptable"
                    ),
                    (
                        "The {brand} fibre outage has lasted {hours} hours. My daughter missed her online exam. No "
                        "info, nobody responsible {tag}"
                    ),
                    "{brand} massive outage in {place}. Engineers clueless, customer service overwhelmed. Terrible",
                ),
            },
            follower={
                "es": (
                    "Aquí igual, sin internet en {place} desde esta mañana. {brand} qué vergüenza {emoji_neg}",
                    "{handle} ¿hay caída general? Llevo {hours} horas sin fibra y nadie informa. Lamentable",
                    "Lo mismo que {origin}, sin fibra desde las 8. {brand} un desastre",
                    "{brand} caída en todo el barrio y el teléfono de averías colapsado. Fatal",
                    "Otra caída de {brand}. La tercera este mes. Harto",
                    "{tag} sin internet {hours} horas. Teletrabajo imposible, qué desastre",
                    "¿Alguien de {brand} va a explicar la avería? Vergonzoso el silencio",
                    "Mi reunión con clientes de Alemania, cancelada por la caída de {brand}. Lamentable",
                    "Pésimo servicio: toda la calle sin fibra y {brand} ni un SMS",
                    "{handle} la web dice que no hay avería. Pues llevo {hours} horas sin internet. Mentirosos",
                    "Con la caída de {brand} mis hijos sin poder hacer los deberes online. Qué mal",
                    "Esto que cuenta {origin} me pasa igual en {place}. Caída total y {brand} desaparecida. Vergüenza",
                    "Pagando 50 euros al mes a {brand} para estar sin internet. Un abuso",
                    "{brand} la avería es vuestra, la multa de mi cliente la pago yo. Indignante",
                    "Sin fibra, sin fijo y sin datos. Gracias {brand}, día perdido. Desastre de compañía",
                    "Ya van {hours} horas de caída. {brand} al menos decid algo, es una falta de respeto",
                    "La avería de {brand} es generalizada en {place}. Y el chat con un bot inútil. Terrible",
                    "Mi abuela con teleasistencia sin servicio por la caída de {brand}. Esto es grave y peligroso",
                    "Corte de {brand} en plena jornada. He tenido que irme a trabajar a un bar. Vergonzoso",
                    "{brand} ¿vais a descontar estas horas sin internet de la factura? Porque vaya desastre",
                    "Otra vez caída de {brand}. Ya no sé ni para qué pago. Estafa",
                    "{handle} respondan: ¿cuándo vuelve la fibra? Llevamos {hours} horas con la avería. Pésimo",
                    "Mi empresa ha perdido una mañana entera por la caída de {brand}. Nefasto",
                    "Los de {brand} dicen que es una avería «puntual». {hours} horas de puntual. Ridículo",
                    "Caída general de {brand} y ni un tuit informando. Lamentable gestión",
                    "Estoy con el móvil compartiendo datos porque {brand} sigue sin fibra. Harta de sus averías",
                    "A mí {brand} me dice que reinicie el router. ¡Que es una caída de toda la zona! Incompetentes",
                    "Sin internet en {place} desde ayer. {brand} cada vez peor",
                    "¿Soy el único sin fibra? Ah no, todo {place} con la caída de {brand}. Qué desastre",
                    "Tengo un examen online mañana y sigo sin internet por la avería de {brand}. Desesperada",
                    "{brand} caída total y nadie informa. Así no se trata a los clientes. Fatal",
                    "Lo de {origin} es lo que pasa en media ciudad: caída de {brand} y cero información. Vergüenza",
                    "Lamentable: {hours} horas de corte y {brand} ni compensación ni disculpa",
                    "Vuelve la fibra, se vuelve a caer. {brand} esto es un caos",
                    "Con {brand} teletrabajar es una lotería. Otra avería, otro día perdido. Fatal",
                    "{brand} me he quedado sin la final por la caída de la fibra. Qué asco",
                    "Llamé a averías de {brand} {n} veces. Colgado las {n}. Pésimo",
                    "Sin internet desde las 7. {brand} ha dejado tirado a todo {place}. Indignante",
                    "La caída de {brand} me ha costado un cliente. Reclamación puesta",
                    (
                        "Mi router de {brand} parpadeando en rojo desde hace {hours} horas. Avería general y silencio. "
                        "Vergonzoso"
                    ),
                    "Tres vecinos con {brand}, tres sin fibra desde ayer. Qué mal todo",
                    "Corte de {brand} en {place} y nadie responde en el teléfono de averías. Desastre",
                    "{brand} si hay una avería masiva, avisad. Es lo mínimo. Horrible atención",
                    "Pues aquí seguimos, sin internet y sin noticias de {brand}. Lamentable",
                    "Me cambio de compañía después de esta caída. {brand} nunca más",
                    "La caída de {brand} en {place} ya es trending. Normal, {hours} horas sin fibra es de vergüenza",
                    "{brand} decía «estabilidad garantizada». Jajaja. Caída de {hours} horas. Mentira",
                    "Esta avería de {brand} me ha dejado sin cobrar un pedido online. Fatal",
                    "{handle} horas sin internet y vuestra única respuesta es un mensaje automático. Penoso",
                ),
                "en": (
                    "Same here, no internet in {place} since this morning. {brand} what a disgrace {emoji_neg}",
                    "{handle} is there a general outage? {hours} hours with no fibre and zero information. Pathetic",
                    "Same as {origin}, fibre down since 8. {brand} is a joke, terrible",
                    "{brand} outage across the whole neighbourhood and the fault line is jammed. Awful",
                    "Another {brand} outage. Third this month. Fed up, so annoying",
                    "{tag} no internet for {hours} hours. Working from home impossible, terrible service",
                    "Is anyone at {brand} going to explain the outage? The silence is shameful",
                    "My call with clients in Germany cancelled because {brand} is down. Pathetic",
                    "Whole street with no fibre. {brand} hasn't sent a single text. Terrible service",
                    "{handle} your website says no faults. I've had no internet for {hours} hours. Liars",
                    "With the {brand} outage my kids can't do their homework online. Awful",
                    (
                        "What {origin} posted is happening to me in {place} too. Total outage and {brand} has "
                        "vanished. Disgrace"
                    ),
                    "Paying 50 euros a month to {brand} to sit here with no internet. Rip off",
                    "{brand} the outage is yours, the penalty from my client is mine. Infuriating and unacceptable",
                    "{hours} hours of outage now. {brand} at least say something, it's disrespectful and awful",
                    "The {brand} outage is all over {place}. And the chat is a useless bot. Terrible",
                    "My gran's care alarm is down because of the {brand} outage. This is serious and dangerous",
                    "{brand} down in the middle of the work day. Had to go work from a bar. Shameful",
                    "{brand} are you going to take these hours of outage off my bill? Because what a disaster",
                    "Another {brand} outage. Why do I even pay. Scam",
                    "{handle} answer please: when is the fibre back? {hours} hours down. Awful",
                    "My company lost a whole morning because {brand} was down. Terrible",
                    "{brand} calls it a one-off fault. {hours} hours of one-off. Ridiculous",
                    "{brand} outage everywhere and not one tweet with info. Pathetic",
                    "Hotspotting from my phone because {brand} fibre is still down. Sick of their failures",
                    "{brand} told me to restart the router. It's an area-wide outage! Incompetent",
                    "No internet in {place} since yesterday. {brand} is getting worse",
                    "Am I the only one without fibre? Nope, all of {place} is down with {brand}. Awful",
                    "Online exam tomorrow and still no internet thanks to the {brand} outage. Desperate and angry",
                    "{brand} totally down and no info. That's not how you treat customers. Terrible",
                    "What {origin} describes is half the city: {brand} outage and zero info. Disgraceful",
                    "{hours} hours of outage. {brand}: no compensation, no apology. Pathetic",
                    "Fibre back, fibre down again. {brand} this is chaos",
                    "Remote working with {brand} is a lottery. Another outage, another lost day. Awful",
                    "{brand} made me miss the final because the fibre is down. Gutted and angry",
                    "Rang the {brand} fault line {n} times. Hung up on {n} times. Terrible",
                    "No internet since 7am. {brand} has left all of {place} stranded. Outrageous and shameful",
                    "The {brand} outage cost me a client. Complaint filed",
                    "My {brand} router blinking red for {hours} hours. Area outage and silence. Shameful",
                    "Three neighbours with {brand}, all three with no fibre since yesterday. Awful",
                    "{brand} outage in {place} and nobody answers the fault line. Disaster, useless",
                    "{brand} if there's a massive outage, tell us. It's the bare minimum. Awful service",
                    "Still here, no internet and no news from {brand}. Pathetic",
                    "Switching provider after this outage. {brand} never again",
                    "The {brand} outage in {place} is trending. Of course, {hours} hours with no fibre is a disgrace",
                    "{brand} promised guaranteed stability. Lol. {hours} hour outage. Lies",
                    (
                        "Expat in {place}, {hours} hours with no internet and {brand} support only in Spanish bots. "
                        "Useless"
                    ),
                    "{handle} hours down and your only answer is an automated message. Pathetic",
                ),
            },
            amplifier={
                "es": (
                    (
                        "Una caída de la red de {brand} deja sin internet a miles de hogares en {place} desde primera "
                        "hora {tag}"
                    ),
                    (
                        "Si la avería de {brand} te ha dejado sin servicio más de un día, tienes derecho a "
                        "compensación en la factura. Te explicamos cómo reclamarla"
                    ),
                    (
                        "Lo que cuenta {origin} se repite en todo {place}: {brand} sin fibra y sin información desde "
                        "hace {hours} horas"
                    ),
                    (
                        "{brand} atribuye la caída a «un problema en un nodo de la red». No da plazo para restablecer "
                        "el servicio"
                    ),
                    (
                        "Mapa de incidencias: la caída de {brand} afecta a {place} y otros {n} municipios. Seguimos "
                        "informando"
                    ),
                    (
                        "La asociación pide a {brand} que informe de la avería y compense a los afectados de forma "
                        "automática"
                    ),
                    (
                        "Teletrabajadores y autónomos, los más afectados por la caída de {brand}. Hablamos con varios "
                        "de ellos"
                    ),
                    (
                        "Chicos, si sois de {brand} y estáis sin internet: no es vuestro router. Caída general en "
                        "{place}. Os cuento lo que sé"
                    ),
                    (
                        "Hablamos con {origin}: «Mi padre depende de la teleasistencia y lleva {hours} horas sin línea "
                        "por la caída de {brand}»"
                    ),
                    (
                        "{brand} restablece parcialmente el servicio tras {hours} horas de caída. Muchos clientes "
                        "siguen sin fibra"
                    ),
                ),
                "en": (
                    (
                        "A {brand} network outage leaves thousands of homes in {place} with no internet since early "
                        "morning {tag}"
                    ),
                    (
                        "If the {brand} outage left you with no service for over a day, you're entitled to bill "
                        "compensation. Here's how to claim"
                    ),
                    (
                        "What {origin} describes is happening all over {place}: {brand} fibre down, no info for "
                        "{hours} hours"
                    ),
                    "{brand} blames the outage on a network node problem. No timeline to restore service",
                    "Outage map: the {brand} fault affects {place} and {n} other towns. We'll keep updating",
                    (
                        "Consumer group calls on {brand} to give clear info on the outage and compensate customers "
                        "automatically"
                    ),
                    "Remote workers and freelancers hit hardest by the {brand} outage. We talked to some of them",
                    (
                        "If you're on {brand} and have no internet: it's not your router. Area-wide outage in {place}. "
                        "Here's what I know"
                    ),
                    (
                        "We spoke to {origin}: my dad relies on a care alarm and has had no line for {hours} hours "
                        "because of the {brand} outage"
                    ),
                    "{brand} partially restores service after {hours} hours down. Many customers still without fibre",
                ),
            },
            brand_reply={
                "es": (
                    (
                        "{author} sentimos mucho la caída. Hay una avería en la zona de {place} y nuestros técnicos ya "
                        "están trabajando en ella. Te mantenemos informado"
                    ),
                    (
                        "Hola {author}, confirmamos una incidencia masiva. No es necesario que reinicies el router. Te "
                        "avisamos cuando se restablezca"
                    ),
                    (
                        "{author} lamentamos las molestias. Aplicaremos un descuento en la próxima factura a todos los "
                        "clientes afectados"
                    ),
                    (
                        "Hola {author}, el servicio se está recuperando poco a poco. ¿Nos confirmas por DM si ya "
                        "tienes conexión?"
                    ),
                    (
                        "{author} entendemos el perjuicio, sobre todo si teletrabajas. Escríbenos por privado y vemos "
                        "tu caso"
                    ),
                    (
                        "Hola {author}, si tienes teleasistencia en casa, escríbenos por DM con urgencia y priorizamos "
                        "tu línea"
                    ),
                ),
                "en": (
                    (
                        "{author} we're very sorry about the outage. There's a fault in the {place} area and our "
                        "engineers are on it. We'll keep you posted"
                    ),
                    (
                        "Hi {author}, we confirm a major incident. No need to restart your router. We'll let you know "
                        "when service is back"
                    ),
                    (
                        "{author} apologies for the disruption. All affected customers will get a discount on their "
                        "next bill"
                    ),
                    "Hi {author}, service is gradually coming back. Can you DM us to confirm if you're connected?",
                    (
                        "{author} we understand the impact, especially if you work from home. DM us and we'll look at "
                        "your case"
                    ),
                    (
                        "Hi {author}, if you have a care alarm at home, please DM us urgently and we'll prioritise "
                        "your line"
                    ),
                ),
            },
        ),
        Cause(
            id="price_hike",
            brand="conectia",
            title={
                "es": "subida de precio encubierta en la factura",
                "en": "silent price hike and hidden fees on the bill",
            },
            key_terms={
                "es": ("subida", "factura", "sin avisar", "cargo", "comisión"),
                "en": ("price hike", "bill", "hidden fee", "without warning", "charge"),
            },
            sentiment="negative",
            origin={
                "es": (
                    (
                        "Reviso la factura de {brand}: de 35 a 48 euros sin avisar. Una subida del 37% y un cargo "
                        "nuevo de «servicio de calidad» que nunca contraté. Esto es una estafa"
                    ),
                    (
                        "{handle} me habéis metido una comisión de 4,99 por «mantenimiento del router» en la factura "
                        "sin avisar. ¿Desde cuándo? Abusivo"
                    ),
                    (
                        "Hilo 🧵 sobre la subida encubierta de {brand}: letra pequeña, cargo nuevo en la factura y ni "
                        "un SMS. Me han cobrado {n} meses de más"
                    ),
                    (
                        "Subida de precio de {brand} sin avisar. Llamo y me dicen que «estaba en las condiciones». "
                        "¿Qué condiciones? Tomadura de pelo"
                    ),
                    (
                        "Mis padres jubilados pagan 12 euros más al mes a {brand} por una comisión que nadie les "
                        "explicó. La factura es ilegible. Vergonzoso"
                    ),
                    (
                        "{brand} me sube la tarifa, me mete un cargo por «gestión digital» y encima me cobra la "
                        "factura en papel. Ladrones {tag}"
                    ),
                    (
                        "Ojo todos los de {brand}: mirad la factura. Subida sin avisar y un cargo oculto de {n},99 "
                        "euros. Lo estoy viendo en toda mi familia. Indignante"
                    ),
                    (
                        "Engaño total: contraté {brand} por 30 euros «para siempre» y ahora pago 46 con subida y "
                        "comisiones que aparecen sin avisar"
                    ),
                    (
                        "La factura de {brand} de este mes: subida de 9 euros, cargo por «seguro de router» y cero "
                        "explicaciones. Lamentable"
                    ),
                ),
                "en": (
                    (
                        "Checked my {brand} bill: from 35 to 48 euros without warning. A 37% price hike plus a new "
                        "quality service charge I never signed up for. Scam"
                    ),
                    (
                        "{handle} you added a 4.99 router maintenance fee to my bill without warning. Since when? "
                        "Hidden fees are a rip off"
                    ),
                    (
                        "Thread 🧵 on the {brand} stealth price hike: small print, a new charge on the bill, not even a "
                        "text. Overcharged for {n} months"
                    ),
                    (
                        "{brand} price hike without warning. I call and they say it was in the terms. What terms? "
                        "Absolute joke"
                    ),
                    (
                        "My retired parents pay 12 euros more a month to {brand} for a fee nobody explained. The bill "
                        "is unreadable. Shameful"
                    ),
                    (
                        "{brand} raised my price, added a digital management charge, and charges me for a paper bill. "
                        "Thieves and liars {tag}"
                    ),
                    (
                        "Heads up everyone on {brand}: check your bill. Price hike without warning and a hidden fee of "
                        "{n}.99. Seeing it across my whole family. Disgraceful"
                    ),
                    (
                        "Signed up with {brand} for 30 euros forever. Now I pay 46 with a price hike and fees that "
                        "appear without warning. Lies"
                    ),
                    "This month's {brand} bill: up 9 euros, a router insurance charge and zero explanation. Pathetic",
                ),
            },
            follower={
                "es": (
                    (
                        "Qué vergüenza: acabo de mirar la factura y a mí también. {brand} subida de 8 euros sin avisar "
                        "{emoji_neg}"
                    ),
                    "{handle} ¿qué es este cargo de «servicio premium» en mi factura? No lo he pedido. Estafa",
                    "Lo mismo que {origin}: comisión nueva en la factura de {brand}. Ladrones",
                    "{brand} subida sin avisar y encima dicen que es por «mejoras». ¿Qué mejoras? Tomadura de pelo",
                    (
                        "Gracias a {origin} he revisado la factura. {brand} me cobra {n} euros de más desde marzo. "
                        "Indignada"
                    ),
                    "Subida de precio encubierta. Así se gana {brand} a sus clientes, engañando. Lamentable",
                    "{tag} factura con cargo oculto. Reclamación puesta. Abusivo",
                    "Mis padres no miran la factura y {brand} lo sabe. Subida sin avisar a gente mayor. Asqueroso",
                    "{brand} me habéis metido una comisión por pagar con tarjeta. ¿En serio? Vergonzoso",
                    "Un timo: si eres cliente de {brand} revisa la factura ya. Subida y cargo nuevo sin avisar",
                    "{brand} prometió precio fijo y ahora subida del 20%. Mentirosos",
                    "¿Alguien más con un cargo de «gestión digital» en la factura de {brand}? Esto es un abuso",
                    "Me voy de {brand}. La subida sin avisar ha sido la gota que colma el vaso. Nunca más",
                    "{handle} esto es una estafa: exijo que me devolváis la comisión que me habéis cobrado sin avisar",
                    "La letra pequeña de {brand} es un engaño. Subida y cargos por todo. Pésimo",
                    "He llamado a {brand} por la subida y me ofrecen «un 5% de descuento». Tomadura de pelo",
                    "Lo de {brand} con la factura es de denuncia. Cargos que nadie ha pedido. Fatal",
                    "{brand} me cobra la factura en papel que no pedí. 1,50 al mes. Ridículo y abusivo",
                    "Subida de 12 euros en la factura de mi abuela. {brand} sinvergüenzas",
                    "Consumo debería multar a {brand}. Subida sin avisar a miles de clientes. Indignante",
                    (
                        "Revisando facturas de {brand} de los últimos {n} meses: cargo nuevo en todas. Harta de este "
                        "engaño"
                    ),
                    "Si {brand} sube el precio, que avise. Hacerlo sin avisar es un robo",
                    "{brand} me decís que la subida está «en el contrato». Enseñadme dónde. Mentira",
                    "Lamentable. Otra víctima de la factura de {brand}: comisión de mantenimiento que no existía",
                    "Cuidado con {brand}: la subida viene escondida en la factura. Engaño",
                    "{brand} sin avisar, sin explicar y cobrando más. Vaya estafa",
                    "Abusivo: cargo de «seguro de router» en mi factura de {brand}. No tengo seguro. Ni lo quiero",
                    "Comparto lo de {origin}: subida de {brand} y comisión en la factura. Que se sepa, es un timo",
                    "Qué asco de empresa: {brand} me subió la factura en plena cuesta de enero sin avisar",
                    "Pésimo trato de {brand}: teletrabajo con ellos y ahora me suben el precio sin avisar",
                    "Quejas a {brand} por la subida: respuesta automática. Lamentable",
                    "Llevo {n} años con {brand} y así me lo pagan: subida y cargo oculto. Decepcionado",
                    "Ojo a la factura de {brand}: la subida no aparece en la primera página. Engañoso y vergonzoso",
                    "{handle} ¿por qué mi factura sube 10 euros sin avisar? Quiero una respuesta. Abuso",
                    "La subida de {brand} es ilegal si no avisan con un mes. Reclamad todos. Vergüenza",
                    (
                        "Estafa en toda regla: he pillado a {brand} con un cargo de 3,99 por «atención preferente». "
                        "Jamás lo contraté"
                    ),
                    "Indignante. Mis vecinos y yo con la misma subida de {brand}: cargo nuevo en la factura sin avisar",
                    "Me sale más caro {brand} que la luz ya. Subida tras subida. Un timo",
                    "Que {brand} devuelva lo cobrado sin avisar. La factura no es un juego. Abusivo",
                    "Lo peor de la subida de {brand} no es el precio, es que lo hacen sin avisar. Falta de respeto",
                    "Estoy flipando con la factura de {brand}. Tres cargos nuevos. Un robo",
                    "{brand} decid la verdad: ¿cuántos clientes tienen esta subida encubierta? Vergonzoso",
                    (
                        "Comisión por «mantenimiento» en la factura de {brand}. Mantenimiento de qué, si la fibra se "
                        "cae cada semana. Ridículo"
                    ),
                    "Ladrones. Mi madre pensaba que el banco le cobraba de más y era {brand} con su subida sin avisar",
                    "Reclamación a {brand} por la subida de la factura. Ya van {n} de mi familia. Abusivo",
                    "{brand} con la subida y los cargos ocultos ha perdido un cliente de {n} años. Lamentable",
                ),
                "en": (
                    (
                        "Just checked my bill, same here. {brand} price hike of 8 euros without warning. Shameful "
                        "{emoji_neg}"
                    ),
                    "{handle} what is this premium service charge on my bill? I never asked for it. Scam",
                    "Same as {origin}: new fee on my {brand} bill. Thieves and liars",
                    "{brand} price hike without warning and they say it's for improvements. What improvements? Joke",
                    "Thanks to {origin} I checked my bill. {brand} has overcharged me {n} euros since March. Furious",
                    "Stealth price hike. That's how {brand} treats customers, with lies. Pathetic",
                    "{tag} bill with a hidden fee. Complaint filed. Rip off",
                    (
                        "My parents never check their bill and {brand} knows it. Price hike without warning on old "
                        "people. Disgusting"
                    ),
                    "{brand} charging a fee for paying by card? Seriously? Shameful",
                    "If you're with {brand} check your bill now. Price hike and new charge without warning. Scam",
                    "{brand} promised a fixed price and now a 20% price hike. Liars",
                    "Anyone else got a digital management charge on their {brand} bill? Rip off",
                    "Leaving {brand}. The price hike without warning was the last straw. Never again",
                    "{handle} scam. Refund the fee you charged without warning",
                    "The {brand} small print is a scam. Price hike and charges for everything. Awful",
                    "Called {brand} about the price hike and they offered 5% off. Ridiculous",
                    "{brand} charging me for a paper bill I never asked for. 1.50 a month. Ridiculous rip off",
                    "12 euro price hike on my gran's bill. {brand} shameless, disgusting",
                    "Consumer authorities should fine {brand}. Price hike without warning for thousands. Disgraceful",
                    "Went through {n} months of {brand} bills: a new charge on every one. Sick of the lies",
                    "If {brand} raises prices, tell people. Doing it without warning is theft and a disgrace",
                    "{brand} says the price hike is in the contract. Show me where. Lies",
                    "Pathetic. Another victim of the {brand} bill: a maintenance fee that didn't exist before",
                    "Careful with {brand}: the price hike is hidden in the bill. Scam",
                    "{brand} no warning, no explanation, just charging more. What a scam",
                    "Router insurance charge on my {brand} bill. I don't have insurance. Don't want it. Rip off",
                    (
                        "Sharing what {origin} found: {brand} price hike and a fee on the bill. Everyone should know, "
                        "it's a scam"
                    ),
                    "Disgusting company. {brand} raised my bill in January without warning",
                    "Working from home on {brand} and now a price hike without warning. Terrible",
                    "Complained to {brand} about the price hike: automated reply. Pathetic",
                    "{n} years with {brand} and this is my reward: price hike and a hidden fee. Disappointed",
                    "Look at your {brand} bill: the price hike isn't on page one. Deceptive and shameful",
                    "{handle} why has my bill gone up 10 euros without warning? I want an answer. Rip off",
                    "A {brand} price hike without a month's notice is illegal. Everyone complain. Disgrace",
                    "Scam alert: caught {brand} with a 3.99 charge for priority support I never signed up for",
                    (
                        "My neighbours and I all got the same {brand} price hike. New charge on the bill without "
                        "warning. Disgraceful"
                    ),
                    "{brand} costs me more than electricity now. Price hike after price hike. Rip off",
                    "Shameful. {brand} should refund everything charged without warning, the bill isn't a game",
                    (
                        "The worst part of the {brand} price hike isn't the price, it's doing it without warning. "
                        "Disrespectful and awful"
                    ),
                    "Can't believe my {brand} bill. Three new charges. Robbery and a rip off",
                    "{brand} tell the truth: how many customers got this stealth price hike? Shameful",
                    "Maintenance fee on my {brand} bill. Maintenance of what, the fibre fails every week. Ridiculous",
                    (
                        "Expat tip: read your {brand} bill carefully. Price hike without warning and hidden fees "
                        "everywhere. Awful"
                    ),
                    "Complaint sent to {brand} about the bill. That's {n} in my family now. Rip off",
                    "The {brand} price hike and hidden fees just lost them a customer of {n} years. Pathetic",
                    (
                        "Scam: translated my {brand} bill with my phone and found a hidden fee. Price hike without "
                        "warning too"
                    ),
                ),
            },
            amplifier={
                "es": (
                    (
                        "Clientes de {brand} denuncian una subida de precio sin avisar y nuevos cargos en la factura. "
                        "La empresa habla de «actualización de tarifas» {tag}"
                    ),
                    (
                        "Cómo detectar si {brand} te ha subido la factura: mira el desglose, busca cargos nuevos y "
                        "compara con el mes anterior. Hilo 🧵"
                    ),
                    (
                        "Lo que ha descubierto {origin} en su factura de {brand} se repite en cientos de clientes: una "
                        "comisión nueva que nadie pidió"
                    ),
                    (
                        "La asociación recuerda que cualquier subida debe comunicarse con un mes de antelación. "
                        "Abrimos reclamación colectiva contra {brand}"
                    ),
                    (
                        "{brand} defiende que la subida «estaba prevista en las condiciones generales». Los usuarios "
                        "dicen que nadie les avisó"
                    ),
                    (
                        "Revisad vuestras facturas de {brand}, en serio. Me están llegando capturas de cargos de "
                        "mantenimiento que no existían"
                    ),
                    (
                        "Analizamos {n}0 facturas de {brand}: la subida media es de 9 euros al mes entre tarifa y "
                        "nuevos cargos"
                    ),
                    (
                        "Los mayores, los más afectados por la subida encubierta de {brand}: «Mi padre no sabe leer la "
                        "factura»"
                    ),
                    (
                        "He hablado con {origin}, que destapó la subida de {brand}: «No es el dinero, es que lo hagan "
                        "sin avisar»"
                    ),
                    (
                        "Consumo estudia la subida de {brand} tras recibir cientos de quejas sobre cargos no "
                        "autorizados en la factura"
                    ),
                ),
                "en": (
                    (
                        "{brand} customers report a price hike without warning and new charges on their bill. The "
                        "company calls it a tariff update {tag}"
                    ),
                    (
                        "How to tell if {brand} raised your bill: check the breakdown, look for new charges, compare "
                        "with last month. Thread 🧵"
                    ),
                    (
                        "What {origin} found on their {brand} bill is happening to hundreds of customers: a new fee "
                        "nobody asked for"
                    ),
                    (
                        "Consumer group reminds {brand} that price changes need a month's notice. We're opening a "
                        "collective complaint"
                    ),
                    "{brand} says the price hike was in the general terms. Customers say nobody told them",
                    (
                        "Check your {brand} bills, seriously. I'm getting screenshots of maintenance charges that "
                        "never existed before"
                    ),
                    "We looked at {n}0 {brand} bills: the average increase is 9 euros a month in price and new charges",
                    "Older customers hit hardest by the {brand} stealth price hike: my dad can't read the bill",
                    (
                        "I spoke to {origin}, who exposed the {brand} price hike: it's not the money, it's doing it "
                        "without warning"
                    ),
                    (
                        "Consumer authorities look into {brand} after hundreds of complaints about unauthorised "
                        "charges on bills"
                    ),
                ),
            },
            brand_reply={
                "es": (
                    (
                        "{author} sentimos la confusión. La actualización de tarifas se comunicó por email, pero "
                        "revisamos tu caso. Escríbenos por DM"
                    ),
                    (
                        "Hola {author}, ese cargo no debería aparecer en tu factura. Lo anulamos y te devolvemos el "
                        "importe"
                    ),
                    (
                        "{author} tienes razón en que debimos avisar mejor. Si no estás de acuerdo con la subida "
                        "puedes darte de baja sin penalización"
                    ),
                    "Hola {author}, revisamos tu factura y te explicamos cada concepto por privado",
                    (
                        "{author} lamentamos las molestias. Hemos retirado la comisión de mantenimiento para todos los "
                        "clientes que no la solicitaron"
                    ),
                    "Hola {author}, te aplicamos un descuento durante 6 meses para compensar. Perdona las molestias",
                ),
                "en": (
                    (
                        "{author} sorry for the confusion. The tariff update was sent by email, but we'll review your "
                        "case. Please DM us"
                    ),
                    "Hi {author}, that charge shouldn't be on your bill. We're removing it and refunding you",
                    (
                        "{author} you're right that we should have communicated it better. If you disagree with the "
                        "change you can cancel with no penalty"
                    ),
                    "Hi {author}, we'll go through your bill and explain every item via DM",
                    "{author} apologies. We've removed the maintenance fee for all customers who didn't request it",
                    "Hi {author}, we've applied a discount for 6 months to make up for it. Sorry for the trouble",
                ),
            },
        ),
    ),
    good_news=Cause(
        id="storm_free_data",
        brand="conectia",
        title={
            "es": "datos ilimitados gratis y wifi abierto tras el temporal",
            "en": "free unlimited data and open wifi after the storm",
        },
        key_terms={
            "es": ("datos gratis", "temporal", "wifi", "ilimitados"),
            "en": ("free data", "storm", "wifi", "unlimited"),
        },
        sentiment="positive",
        origin={
            "es": (
                (
                    "Tras el temporal en {place} nos quedamos sin luz ni cobertura, y {brand} acaba de activar datos "
                    "gratis ilimitados para toda la zona. Gracias de verdad, así podemos hablar con la familia "
                    "{emoji_pos}"
                ),
                (
                    "{brand} ha abierto su wifi gratis en {place} para los afectados por el temporal y regala datos "
                    "ilimitados una semana. Esto es estar a la altura. Gracias {handle}"
                ),
                (
                    "Mi madre vive en uno de los pueblos aislados por el temporal. Gracias a los datos gratis de "
                    "{brand} hemos podido hablar cada día. Enorme gesto"
                ),
                (
                    "Los técnicos de {brand} trabajando bajo la lluvia para devolver la conexión tras el temporal, y "
                    "encima datos ilimitados gratis para todos. Increíble"
                ),
                (
                    "En el polideportivo de {place}, donde están los desalojados del temporal, {brand} ha montado wifi "
                    "gratis y cargadores. Qué maravilla de gesto"
                ),
                (
                    "Nunca pensé que daría las gracias a una teleco, pero {brand} regalando datos ilimitados tras el "
                    "temporal merece un aplauso. Genial"
                ),
                (
                    "Hilo 🧵 de cómo {brand} nos ayudó tras el temporal: datos gratis, wifi abierto en el pabellón y "
                    "técnicos hasta las tantas. Gracias, gracias"
                ),
                (
                    "{brand} ha activado datos ilimitados gratis sin pedirlo a todos los clientes de {place} después "
                    "del temporal. Me ha encantado el gesto {tag}"
                ),
                (
                    "Con la riada nos quedamos incomunicados y {brand} puso wifi gratis en el ayuntamiento y datos "
                    "ilimitados. Gracias de corazón, un gesto enorme"
                ),
            ),
            "en": (
                (
                    "After the storm in {place} we had no power or signal, and {brand} just switched on free unlimited "
                    "data for the whole area. Thank you so much, we can talk to family now {emoji_pos}"
                ),
                (
                    "{brand} opened free wifi in {place} for people hit by the storm and gave unlimited data for a "
                    "week. That's how it's done. Thanks {handle}"
                ),
                (
                    "My mum lives in a village cut off by the storm. Thanks to {brand} free data we've talked every "
                    "day. Wonderful gesture"
                ),
                (
                    "{brand} engineers working in the rain to restore connections after the storm, plus free unlimited "
                    "data for everyone. Amazing"
                ),
                (
                    "At the sports centre in {place}, where storm evacuees are, {brand} set up free wifi and chargers. "
                    "Brilliant"
                ),
                (
                    "Never thought I'd thank a telecom company, but {brand} giving unlimited free data after the storm "
                    "deserves applause. Great"
                ),
                (
                    "Thread 🧵 on how {brand} helped after the storm: free data, open wifi at the shelter, engineers "
                    "working into the night. Thank you, amazing"
                ),
                (
                    "{brand} turned on free unlimited data without us asking for all customers in {place} after the "
                    "storm. Love this {tag}"
                ),
                (
                    "The flood cut us off and {brand} put free wifi in the town hall and unlimited data. Thank you so "
                    "much, we won't forget it"
                ),
            ),
        },
        follower={
            "es": (
                "Qué gesto tan genial el de {brand} con los datos gratis tras el temporal {emoji_pos}",
                "Gracias {brand} por el wifi gratis en {place}. Mis padres han podido llamarme",
                "Lo que cuenta {origin} es verdad, {brand} ha estado genial con el temporal",
                "Datos ilimitados gratis para los afectados. Enhorabuena {brand}, así se hace",
                "Hoy sí: bravo {brand} por el wifi abierto tras el temporal",
                "Mi abuela incomunicada por el temporal y gracias a los datos gratis de {brand} hemos hablado. Gracias",
                "{tag} gracias por los datos ilimitados, nos habéis salvado la semana",
                "Increíble el trabajo de los técnicos de {brand} tras el temporal. Gracias",
                "Me encanta que {brand} regale datos gratis sin que nadie lo pida. Genial",
                "Después de tanta crítica, hay que decirlo: {brand} ha estado de diez con el temporal. Gracias",
                "Gracias a {brand} tenemos wifi en el pabellón. Un lujo en estas circunstancias",
                "Felicidades a {brand} por los datos gratis. Ojalá todas las empresas fueran así",
                "{brand} me ha activado los datos ilimitados tras el temporal. Gracias, de verdad",
                "El wifi gratis de {brand} en {place} está siendo clave. Enhorabuena",
                "Lo mejor del día: {brand} regalando datos gratis a los afectados por el temporal",
                "Olé {brand}. Datos ilimitados y wifi gratis para quien lo necesita",
                "Qué bien se ha portado {brand} con el temporal. Genial, me quedo con ellos",
                "Gracias a los datos gratis de {brand} pude avisar a mi familia de que estaba bien. Genial",
                "Aplausos para {brand} y sus técnicos tras el temporal. Increíble trabajo",
                (
                    "Mi hermano está en uno de los pueblos del temporal y con el wifi de {brand} puede teletrabajar. "
                    "Gracias"
                ),
                "{brand} ha estado a la altura con el temporal. Datos gratis, wifi y rapidez. Excelente",
                "Como dice {origin}, lo de {brand} tras el temporal es para agradecerlo. Gracias",
                "Cuando una empresa lo hace bien hay que decirlo: gracias {brand} por los datos ilimitados",
                "Me ha emocionado ver el wifi gratis de {brand} en el polideportivo. Genial gesto",
                "Datos gratis durante una semana para los afectados del temporal. Bien hecho {brand}, gracias",
                "Los técnicos de {brand} hasta las tantas bajo la lluvia. Unos cracks. Gracias",
                "Enhorabuena por el gesto: {brand} ha activado datos ilimitados a mis padres sin pedirlo",
                "En pleno temporal, {brand} dando wifi gratis. Eso es lo que cuenta. Gracias",
                "Pocas veces diré esto de una teleco, pero {brand} lo ha hecho genial con el temporal",
                "Me alegra ver que {brand} ayuda así tras el temporal. Bravo",
                "Gracias {brand} por pensar en los pueblos del temporal. Datos gratis y wifi, perfecto",
                "Lo de {brand} con el temporal me parece un gesto enorme. Enhorabuena al equipo",
                "El wifi gratis de {brand} en el ayuntamiento nos ha salvado. Gracias infinitas",
                "{brand} regalando datos ilimitados. Así da gusto ser cliente, genial",
                (
                    "Con el temporal {brand} ha demostrado lo que vale. Datos gratis y un trabajo increíble de los "
                    "técnicos"
                ),
                "Mi madre, que nunca usa el móvil, ha hecho videollamada gracias a los datos gratis de {brand}. Genial",
                "Gesto de diez de {brand} con los afectados por el temporal. Gracias",
                "Gracias a {origin} me he enterado de los datos gratis de {brand}. Ya los tengo activos, genial",
                "Bravo {brand}: wifi abierto, datos ilimitados y cero burocracia tras el temporal",
                "Ojalá más empresas como {brand} en momentos así. Datos gratis para todos, enhorabuena",
                "{brand} me ha devuelto la fe en las telecos con lo del temporal. Gracias",
                "Los datos ilimitados gratis de {brand} tras el temporal, lo mejor que he visto esta semana",
                "Aplauso enorme a {brand} por el wifi gratis para los desalojados. Increíble",
                "{brand} respondiendo rapidísimo tras el temporal. Me encanta",
                "Mil gracias {brand}. Los datos gratis nos han permitido organizarnos tras el temporal",
            ),
            "en": (
                "What a great gesture from {brand} with free data after the storm {emoji_pos}",
                "Thank you {brand} for the free wifi in {place}. My parents could finally call me",
                "What {origin} says is true, {brand} has been great during the storm",
                "Free unlimited data for people affected. Well done {brand}",
                "Credit where it's due: kudos {brand} for the open wifi after the storm",
                "My gran was cut off by the storm and thanks to {brand} free data we talked. Thank you",
                "{tag} thanks for the unlimited data, you saved our week",
                "Amazing work by the {brand} engineers after the storm. Thank you",
                "Love that {brand} gave free data without anyone asking. Brilliant",
                "After all the criticism, fair play: {brand} has been excellent during the storm",
                "Thanks to {brand} we have wifi at the shelter. Wonderful in these circumstances",
                "Congrats to {brand} for the free data. Wish every company was like this",
                "{brand} switched on my unlimited data after the storm. Thank you, really",
                "The {brand} free wifi in {place} has been essential. Well done",
                "Best thing today: {brand} giving free data to storm victims",
                "{brand} free unlimited data and wifi for those who need it. Brilliant",
                "{brand} handled the storm so well. I'm staying with them, happy customer",
                "Thanks to {brand} free data I could tell my family I was okay. Great",
                "Applause for {brand} and their engineers after the storm. Amazing work",
                "My brother is in one of the storm villages and can work thanks to {brand} wifi. Thank you",
                "{brand} stepped up after the storm. Free data, wifi and fast. Excellent",
                "Like {origin} says, what {brand} did after the storm deserves thanks. Thank you",
                "When a company does well you should say so: thanks {brand} for the unlimited data",
                "Seeing the {brand} free wifi at the sports centre got me. Lovely gesture",
                "Free data for a week for storm victims. Well done {brand}",
                "{brand} engineers working into the night in the rain. Legends, thank you so much",
                "Kudos to {brand}, activated unlimited data for my parents without asking",
                "In the middle of the storm, {brand} giving free wifi. That's what matters. Thanks",
                "Rarely say this about a telecom but {brand} has been great after the storm",
                "Glad to see {brand} helping like this after the storm. Brilliant",
                "Thanks {brand} for thinking of the storm villages. Free data and wifi, perfect",
                "What {brand} did after the storm is a huge gesture. Congrats to the team",
                "The {brand} free wifi at the town hall saved us. Thank you so much",
                "{brand} giving away unlimited data. Happy to be a customer",
                "{brand} showed what it's worth after the storm. Free data and amazing engineers",
                "My mum, who never uses her phone, video called thanks to {brand} free data. Wonderful",
                "Top gesture from {brand} for the storm victims. Thank you",
                "Found out about the {brand} free data thanks to {origin}. Already activated, great",
                "Well done {brand}: open wifi, unlimited data, zero bureaucracy after the storm",
                "Wish more companies were like {brand} at times like this. Free data for all, kudos",
                "{brand} restored my faith in telecoms after the storm. Thank you",
                "The {brand} free unlimited data after the storm, best thing I've seen all week",
                "Massive applause for {brand} and the free wifi for evacuees. Amazing",
                "{brand} responding so fast after the storm. Love it",
                "Expat in {place} and {brand} free data helped me reach home after the storm. Very grateful, thank you",
            ),
        },
        amplifier={
            "es": (
                (
                    "{brand} ofrece datos ilimitados gratis y wifi abierto a los afectados por el temporal en {place} "
                    "{tag}"
                ),
                (
                    "Hablamos con {origin}: «Gracias a los datos gratis de {brand} supimos que mi madre estaba bien "
                    "tras el temporal»"
                ),
                "Las telecos ante el temporal: {brand}, la primera en regalar datos ilimitados a los afectados",
                "Así funciona el wifi gratis que {brand} ha instalado en los albergues del temporal en {place}",
                "{brand} anuncia que mantendrá los datos gratis {days} días más en las zonas afectadas por el temporal",
                (
                    "Lo que ha contado {origin} sobre {brand} y el temporal es de lo más compartido hoy. Buena noticia "
                    "entre tanto barro"
                ),
                (
                    "Chicos, si estáis en la zona del temporal y sois de {brand}, los datos ilimitados se activan "
                    "solos. Os dejo la info"
                ),
                (
                    "Técnicos de {brand} trabajan día y noche para restablecer la conexión en {n} municipios afectados "
                    "por el temporal"
                ),
                "Protección Civil agradece a {brand} el wifi gratuito en los puntos de atención del temporal",
                "Caso de estudio: cómo {brand} ha convertido una emergencia en un ejemplo de responsabilidad. Hilo 🧵",
            ),
            "en": (
                "{brand} gives free unlimited data and open wifi to people hit by the storm in {place} {tag}",
                "We spoke to {origin}: thanks to {brand} free data we knew my mum was safe after the storm",
                "Telecoms and the storm: {brand} first to give unlimited data to those affected",
                "How the free wifi {brand} set up in {place} storm shelters works",
                "{brand} says free data will continue for {days} more days in storm-hit areas",
                (
                    "What {origin} shared about {brand} and the storm is one of today's most shared posts. Good news "
                    "amid the mud"
                ),
                "If you're in the storm area and with {brand}, unlimited data switches on automatically. Info here",
                "{brand} engineers working day and night to reconnect {n} storm-hit towns",
                "Emergency services thank {brand} for free wifi at storm help points",
                "Case study: how {brand} turned an emergency into a lesson in responsibility. Thread 🧵",
            ),
        },
        brand_reply={
            "es": (
                (
                    "{author} gracias por tus palabras. Es lo mínimo que podíamos hacer. Mucho ánimo a todos los "
                    "afectados {emoji_pos}"
                ),
                (
                    "Hola {author}, los datos ilimitados se activan automáticamente en la zona. Si no los tienes, "
                    "escríbenos por DM"
                ),
                (
                    "{author} nuestros técnicos siguen trabajando para devolver la conexión. Gracias por la paciencia "
                    "y el cariño"
                ),
                "Hola {author}, nos alegra saber que habéis podido hablar con tu familia. Un abrazo enorme",
                "{author} hemos ampliado el wifi gratis a más puntos de {place}. Cuidaos mucho",
                "Hola {author}, gracias. Trasladamos tu mensaje al equipo que está sobre el terreno",
            ),
            "en": (
                (
                    "{author} thank you for the kind words. It's the least we could do. Strength to everyone affected "
                    "{emoji_pos}"
                ),
                "Hi {author}, unlimited data switches on automatically in the area. If you don't have it, DM us",
                "{author} our engineers are still working to restore connections. Thanks for your patience and support",
                "Hi {author}, so glad you could talk to your family. Sending a big hug",
                "{author} we've extended free wifi to more points in {place}. Take care",
                "Hi {author}, thank you. We'll pass your message to the team on the ground",
            ),
        },
    ),
)

BRANDS: dict[str, BrandVoice] = {
    "vuelaya": _VUELAYA,
    "frutalia": _FRUTALIA,
    "conectia": _CONECTIA,
}
