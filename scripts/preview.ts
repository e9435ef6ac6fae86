// The main job until the CLI exists: preview what a few messages cost.
import { Parts } from '../src/index.js'

const samples =
  process.argv.length > 2 ? process.argv.slice(2) : ['Hello world', 'Price: [5] {EUR}', 'It’s here', 'Hi 😀']
for (const text of samples) {
  const c = Parts.count(text)
  console.log(
    `${JSON.stringify(text)}: ${c.encoding}, ${c.units} units, ${c.parts} part(s), ${c.remaining} left`,
  )
}
