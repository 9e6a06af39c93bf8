// Time and ids in one place, so tests and rows agree on formats.
import { v7 as uuidv7 } from 'uuid';

export const nowIso = (): string => new Date().toISOString();
export const newId = (): string => uuidv7();
