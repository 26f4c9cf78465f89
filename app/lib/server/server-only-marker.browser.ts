// What `#server-only` is in a browser bundle: the real marker, so the build fails there
// (see server-only-marker.ts).
import "server-only";
