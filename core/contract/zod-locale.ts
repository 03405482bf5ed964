import { z } from 'zod';

// zod's own messages (wrong type, unknown key, …) in Japanese, in main and renderer alike: they
// reach staff as the issues of a BAD_INPUT answer.
z.config(z.locales.ja());
