import { stem } from '../src/questions/text';
for (const w of ['contaste','conte','ayudo','ayude','escondi','escondiste','hiciste','hizo','llamo','llame','told','tell','hid','hide','took','take']) console.log(w, stem(w, /^[a-z]+$/.test(w) && ['told','tell','hid','hide','took','take'].includes(w) ? 'en' : 'es'));
