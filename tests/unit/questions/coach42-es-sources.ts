// coach42 (issue #16, Spanish): the row shape and the sources of coach42's development set
// (coach42-es-dev.data.ts) and its held-aside 30% (coach42-es-aside.data.ts).

/** [language, gold top-level type, utterance, the child's words so far, source key, kind]. */
export type Coach42Row = [
  'en' | 'es',
  string,
  string,
  string[] | null,
  keyof typeof SOURCES,
  string,
];

export const SOURCES = {
  'RAE-clitic':
    'Real Academia Española & ASALE 2009, Nueva gramática de la lengua española, §16.12 (pronombres enclíticos: "tocarme", "tocándome"), §28.5 (perífrasis "estar" + gerundio, "empezar a" + infinitivo): the same act in the child\'s person',
  'RAE-verb':
    'Nueva gramática 2009, §23.10-23.12: pretérito perfecto simple ("me pegó") and imperfecto ("te pegaba") of one verb name one act',
  'RAE-accent':
    'Nueva gramática 2009 / Ortografía 2010, §3.4: the written accent distinguishes "tocó" / "toco"; speech-recognition text often drops it, the word is the same',
  'RAE-pronoun':
    'Nueva gramática 2009, §16.2: "él" and "ella" mark the gender of the person; said back in the other gender they name another person',
  'RAE-number':
    'Nueva gramática 2009, §3.1-3.8: number of the noun ("hombre" / "hombres" name one person or several; "el pantalón" / "los pantalones" name one garment, §3.8 plurales de objetos dobles)',
  'RAE-dim':
    'Nueva gramática 2009, §9.1-9.3: the diminutive ("colita", "manita", "pompita", "papi", "mami" as hypocoristics) names what its base names',
  DEM: 'Diccionario del español de México (El Colegio de México, dem.colmex.mx): "carro" (automóvil; "coche"), "celular" (teléfono celular), "recámara" (cuarto donde se duerme), "platicar" (conversar, contar), "compu"; usual es-419 regional equivalents',
  Lamb2007:
    "Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231: a prompt that assumes undisclosed information is suggestive; a wh- question about the child's own words is a directive; option-posing asks the child to confirm or choose",
  Lamb2008:
    'Lamb, Hershkowitz, Orbach & Esplin 2008, Tell Me What Happened (Wiley), ch. 4: facilitators include "okay", "uh-huh" and restatements of the child\'s previous utterance',
  'NICHD-ES':
    'Protocolo de entrevista NICHD, versión en español (Orbach, Hershkowitz, Lamb, Esplin, Horowitz; traducción latinoamericana): "Cuéntame todo lo que pasó", "¿Y luego qué pasó?", "Piensa en ese día y cuéntame todo"; usted and ustedes forms of the same invitations',
  'NICHD-R':
    'Lamb, Brown, Hershkowitz, Orbach & Esplin 2018, Tell Me What Happened, 2nd ed. (Wiley), revised NICHD protocol: "Tell me everything that happened from [child\'s words] to [child\'s words]", "And then what happened?"',
  'Michigan-ES':
    'Michigan Forensic Interviewing Protocol, Spanish translation (E. Cabañas 2003): facilitators "¿De verdad?", "Ohhh", "¿Y luego?"',
} as const;
