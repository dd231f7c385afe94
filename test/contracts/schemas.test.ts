import { Ajv2020 } from 'ajv/dist/2020.js'
import t from 'tap'
import { CONTROL_SCHEMAS } from '../../contracts/control-schemas.js'
import { REQUEST_SCHEMAS } from '../../contracts/request-schemas.js'
import { RESPONSE_SCHEMAS } from '../../contracts/response-schemas.js'
import { AJV_OPTIONS } from '../../contracts/validator.js'

t.test('every contract, the control API\'s too, is a valid 2020-12 schema that compiles in strict mode', async (t) => {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, validateSchema: true })
  ajv.addSchema([...REQUEST_SCHEMAS, ...RESPONSE_SCHEMAS, ...CONTROL_SCHEMAS])
  for (const schema of [...REQUEST_SCHEMAS, ...RESPONSE_SCHEMAS, ...CONTROL_SCHEMAS]) {
    t.equal(ajv.validateSchema(schema), true, `${schema.$id} meets the meta-schema`)
    t.type(ajv.getSchema(schema.$id), 'function', `${schema.$id} compiles`)
  }
})
