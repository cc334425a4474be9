import '../lib/world.mjs';
