import { lexiconFor } from './src/questions/lexicon';
import { normalise } from './src/questions/text';
const lex = lexiconFor('es'); const n = normalise('Entonces, ¿él te llevó a la casa de su amigo?');
console.log(JSON.stringify(n), JSON.stringify(n.replace(lex.fillers,'')), lex.fillers);
