// Global ids as the API encodes them (Pothos relay: base64 of "Type:id").
export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
