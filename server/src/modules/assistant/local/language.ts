/**
 * Whether a message is Spanish (or mixed English-Spanish, which is answered in Spanish). Counted
 * from words that only Spanish uses, with the short words both languages share ("la", "el",
 * "de", common in English place and family names) counting half, so "123 de la Cruz Ave" or
 * a name like "Gómez" does not make an English message Spanish.
 *
 * A short message has too few words to reach that count ("Me llamo Lucía Gómez" is one Spanish
 * word and a name), so English is counted too, from its own function words: a message with
 * Spanish evidence and not one English word is Spanish. A general n-gram detector is no help
 * here: it reads the names and street names these messages are full of ("Gómez", "Calle Real")
 * as Spanish, and a two-word message is below what it can tell apart.
 */

const STRONG = new Set(
  (
    'hola buenas buenos días dias tardes noches gracias favor quiero queremos quisiera quisiéramos necesito necesitamos ' +
    'para por porque pero somos tenemos tengo hay puede pueden puedo podemos podrían podria podría usted ustedes nosotros ' +
    'nuestra nuestro nuestros mis tus su sus esta este está estamos están estoy cuánto cuanto cuánta cuesta cuestan cuál cual ' +
    'cuándo cuando dónde donde qué quién personas persona gente invitados niños ninos adultos fiesta cumpleaños cumple ' +
    'cena comida reservar reserva reservación reservacion fecha hora horas dirección direccion calle ' +
    'sábado sabado domingo lunes martes miércoles miercoles jueves viernes enero febrero marzo abril junio julio agosto ' +
    'septiembre octubre noviembre diciembre mañana manana tarde noche próximo proximo próxima proxima semana ' +
    'cancelar cancelen cancela cambiar cambio mover hablar llamar llámenme llamenme llame alguien gerente encargado ' +
    'dueño humano precio precios incluye incluido vegetariano vegetarianos vegetarianas alergia alérgico alergico mariscos ' +
    'también tambien sí muy bien mal nada todo todos otra otro vez veces ningún ninguna ninguno nadie nunca ahora ' +
    'hijo hija esposa esposo mamá papá familia evento señor señora llamo mucho muchas muchos más menos aquí aqui ' +
    'equipo servicio ayuda respuesta respondan contesten pésimo pesimo molesto enojado ridículo ridiculo basura estafa ' +
    'veinte treinta cuarenta cincuenta quince doce diez ocho nueve seis siete cinco cuatro tres dos ' +
    'confirmo confirmar correcto listo claro perfecto sería seria tienen ofrecen viajan cobran hacen ' +
    'hasta vivimos allí hablo español nombre llama depósito deposito viaje vamos necesitar necesita les dije oigan cambien ' +
    'esto eso esa ese estos estas siempre puedes quieres tienes mensaje entiende entienden mismo misma respeto'
  ).split(/\s+/),
);
const SHARED = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'que', 'con', 'una', 'uno', 'y', 'en', 'mi', 'es', 'al', 'lo', 'le', 'se', 'nos']);

/**
 * Spanish words that are English words too ("soy sauce", "call me", "yo"): Spanish only when one
 * opens a message of several words with no English word, as in "Soy Marta Ruiz".
 */
const AMBIGUOUS = new Set(['soy', 'me', 'te', 'yo']);

/** An infinitive with its pronoun attached ("mandarme", "llamarnos"): a Spanish form English words do not take. */
const INFINITIVE_WITH_PRONOUN = /\p{L}{2,}(?:ar|er|ir)(?:me|nos)$/u;

/** English function and booking words that Spanish does not use: the evidence a message is English. */
const ENGLISH = new Set(
  (
    'the a an i im you your yours we our ours us my mine he she they them their it its this that these those is are am was were be been ' +
    'to for of and or but with at on in from by about into if so than then there here not do does did have has had can could would ' +
    'will should may might want need needs like please thanks thank hi hello hey yes yeah what how when where who which why ' +
    'name call party guests guest people book booking date time address change cancel move our see just ok okay too stop text'
  ).split(/\s+/),
);

export type Language = 'en' | 'es';

/** How Spanish the message reads: strong words 1, shared short words 0.5, ¿ and ¡ 1. */
export function spanishScore(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let score = (text.match(/[¿¡]/g) ?? []).length;
  // "a las 5pm": a Spanish time inside an English sentence.
  score += (text.toLowerCase().match(/\ba las? \d/g) ?? []).length;
  for (const word of words) {
    if (STRONG.has(word)) score += 1;
    else if (SHARED.has(word)) score += 0.5;
  }
  return score;
}

/** How many English words the message has ("I'm" counts its "i"). */
export function englishScore(text: string): number {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => ENGLISH.has(word)).length;
}

export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const score = spanishScore(text);
  // A two-word "hola gracias" is as Spanish as a long message with a few Spanish words.
  const needed = words.length <= 3 ? 1 : 2;
  if (score >= needed) return 'es';
  if (englishScore(text) > 0) return 'en';
  // Not one English word: a Spanish word ("Me llamo Lucía Gómez"), or a word Spanish shares with
  // English opening it ("Soy Marta Ruiz"), is enough. A bare name ("Lucía Gómez de la Cruz") is neither.
  const strong = words.some((word) => STRONG.has(word) || INFINITIVE_WITH_PRONOUN.test(word)) || /[¿¡]/.test(text);
  const ambiguousInASentence = words.length >= 2 && AMBIGUOUS.has(words[0] ?? '');
  return strong || ambiguousInASentence ? 'es' : 'en';
}
