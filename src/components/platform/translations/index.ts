/** Registers the platform terms of every bundled language (side effect). */
import './en.ts';
import './nb.ts';
import './da.ts';
import './zh.ts';
import './ru.ts';
