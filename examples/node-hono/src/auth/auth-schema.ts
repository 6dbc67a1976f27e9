/** The PostgreSQL schema of the sign-in tables (better-auth's and the API keys'), beside Remit's. */
export const authSchema = "remit_auth";
