/** Per-file ceiling: far above a real transcript (a 3-hour interview is a few MB), far below memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
