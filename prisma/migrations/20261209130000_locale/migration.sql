-- The interface language chosen with the header switch (en or zh-CN). NULL: the cookie, else Accept-Language.
ALTER TABLE "UserSettings" ADD COLUMN IF NOT EXISTS "locale" TEXT;
