// The engine version stored with every record (a test keeps it equal to package.json's).
export const ENGINE_VERSION = "0.1.0";
