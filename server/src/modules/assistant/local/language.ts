/**
 * Whether a message is Spanish (or mixed English-Spanish, which is answered in Spanish). Counted
 * from words that only Spanish uses, with the short words both languages share ("la", "el",
 * "de", common in English place and family names) counting half, so "123 de la Cruz Ave" or
 * a name like "Gómez" does not make an English message Spanish.
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
    'hasta vivimos allí hablo español nombre llama depósito deposito viaje vamos necesitar necesita les dije oigan cambien'
  ).split(/\s+/),
);
const SHARED = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'que', 'con', 'una', 'uno', 'y', 'en', 'mi', 'es', 'al', 'lo', 'le', 'se', 'nos']);

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

export function detectLanguage(text: string): Language {
  const words = (text.match(/\p{L}+/gu) ?? []).length;
  const score = spanishScore(text);
  // A two-word "hola gracias" is as Spanish as a long message with a few Spanish words.
  const needed = words <= 3 ? 1 : 2;
  return score >= needed ? 'es' : 'en';
}
