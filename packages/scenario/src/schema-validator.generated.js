// Generated from scenarioSchema (schema.ts) by ajv standalone; do not edit.
// After changing the schema, run `pnpm exec vitest run packages/scenario -u` to regenerate.
// biome-ignore-all format: generated
// biome-ignore-all lint: generated
// biome-ignore-all assist: generated
"use strict";
export const validate = validate10;
export default validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://unpkg.com/@mocktopus/scenario/schema.json","title":"Mocktopus scenario","type":"object","additionalProperties":false,"required":["version","rules"],"properties":{"version":{"const":1,"description":"Schema version; only 1 exists."},"meta":{"type":"object","description":"Free-form information about the scenario."},"strict":{"type":"boolean","description":"Refuse with the provider's 400 what the real API refuses: unknown body fields, a tool result without its call, Anthropic turns out of order."},"pricing":{"type":"object","description":"Per-model prices (USD per 1M tokens), keyed by model id or family.","additionalProperties":{"type":"object","additionalProperties":false,"required":["input"],"properties":{"input":{"type":"number","minimum":0,"description":"USD per 1M input tokens."},"output":{"type":"number","minimum":0,"description":"USD per 1M output tokens."},"cached_input":{"type":"number","minimum":0,"description":"USD per 1M cached input tokens."}}}},"rules":{"type":"array","description":"Rules, tried in order.","items":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"type":"string","enum":["llm.openai","llm.anthropic","llm.gemini","llm.ollama","llm","embeddings"],"description":"Which endpoints the rule answers."},"when":{"type":["object","null"],"description":"Conditions, all of which must hold. Empty or absent: every request the type answers.","additionalProperties":false,"properties":{"model":{"type":"string","description":"Glob over the model id: * any run of characters (also /), ? one, [...] a class."},"messages_contains":{"type":"string","description":"Case-sensitive substring of the last user message (embeddings: of any input)."},"input_contains":{"type":"string","description":"Alias of messages_contains, for embeddings rules."},"messages_regex":{"type":"string","description":"Regular expression over all messages joined by a space (embeddings: any input); flags i, m, s. Python syntax, matched in linear time by RE2: no back-references or lookaround."},"input_regex":{"type":"string","description":"Alias of messages_regex, for embeddings rules."},"endpoint":{"type":"string","description":"Request path, exact or glob, e.g. /v1/chat/completions or /v1/*."},"ignore_case":{"type":"boolean","description":"Makes messages_contains case-insensitive."},"times":{"type":["integer","null"],"minimum":1,"description":"How many times the rule may be selected (null or absent: unlimited)."},"conversation":{"type":"array","description":"The whole conversation, exactly: every message role and text, in order.","items":{"type":"object","additionalProperties":false,"required":["role","content"],"properties":{"role":{"type":"string"},"content":{"type":"string"}}}},"input":{"type":"array","description":"Embeddings: the inputs, exactly and in order.","items":{"type":"string"}},"last_role":{"type":"string","enum":["user","assistant","tool"],"description":"Role of the last message. A tool result counts as tool on every API: chat role tool, Responses function_call_output, Anthropic tool_result blocks."},"has_tool_result":{"type":"boolean","description":"Whether the conversation holds a tool result (true) or none (false)."},"tool_result_contains":{"type":"string","description":"Case-sensitive substring of the latest tool result's text."},"tool_call_id":{"type":"string","description":"The call id the latest tool result answers, e.g. call_1."},"tools_offered":{"type":["string","array"],"items":{"type":"string"},"minItems":1,"description":"A tool name, or a list of names, that the request must all offer."},"system_contains":{"type":"string","description":"Case-sensitive substring of the system prompt (system and developer messages, Responses instructions, Anthropic system)."},"turn":{"type":"integer","minimum":0,"description":"How many assistant turns came before this request: 0 on the first call."},"tools":{"type":"array","items":{"type":"string"},"description":"The names of the tools the request offers, exactly (order ignored; [] for none). Written by record mode with --match-on tools."},"params":{"type":"object","description":"The request sampling and output parameters, exactly: temperature, top_p, top_k, max_tokens, max_completion_tokens, max_output_tokens, seed, stop, stop_sequences, n, presence_penalty, frequency_penalty, logit_bias, logprobs, top_logprobs, response_format, text, tool_choice, parallel_tool_calls, reasoning_effort, reasoning, thinking, verbosity, dimensions, generationConfig, toolConfig, options, format. The same names with equal values, and no other. Written by record mode with --match-on params."}}},"respond":{"type":["object","array"],"description":"The successful response, or a list of responses: use N of the rule answers with item N, the last one repeating (or, with cycle, starting over).","additionalProperties":false,"properties":{"content":{"type":["string","null"],"description":"The assistant text (null: none)."},"json":{"description":"Any JSON value, sent serialised as the content; checked against the schema the request asks for."},"refusal":{"type":"string","description":"The model declines with this text, in the provider refusal shape."},"tool_calls":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["function"],"properties":{"id":{"type":"string","description":"Tool call id; generated deterministically when absent."},"type":{"type":"string","enum":["function"]},"function":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"Function name."},"arguments":{"type":["string","object"],"description":"Arguments as a JSON string, or as an object (serialised at load). Absent: generated from the tool schema in the request."}}}}}},"usage":{"type":"object","additionalProperties":false,"properties":{"input_tokens":{"type":"integer","minimum":0,"description":"Prompt tokens reported."},"output_tokens":{"type":"integer","minimum":0,"description":"Completion tokens reported."},"total_tokens":{"type":"integer","minimum":0,"description":"Total tokens reported."}}},"embeddings":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["embedding"],"properties":{"embedding":{"type":"array","items":{"type":"number"}}}}},"finish_reason":{"type":"string","description":"Why generation stopped, e.g. stop, length, tool_calls."},"delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait before the response starts, 0 to 600000 milliseconds (10 minutes)."},"chunk_size":{"type":"integer","minimum":1,"description":"Characters per stream chunk."},"chunk_delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait between stream chunks, 0 to 600000 milliseconds (10 minutes)."},"ttft_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Streams: wait before the first chunk, 0 to 600000 milliseconds (10 minutes)."},"tokens_per_second":{"type":"number","exclusiveMinimum":0,"description":"Streams: pace the chunks at this many tokens a second."},"jitter_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Streams: a seeded extra wait before each chunk, 0 to 600000 milliseconds (10 minutes)."},"id":{"type":"string","description":"Response id; generated deterministically when absent."},"images":{"description":"Accepted for compatibility; not sent."},"audio_url":{"type":"string","description":"Accepted for compatibility; not sent."},"metadata":{"type":"object","description":"Accepted for compatibility; not sent."},"stream":{"type":"boolean","description":"Accepted for compatibility and ignored: the request decides whether to stream."}},"items":{"type":"object","description":"The successful response.","additionalProperties":false,"properties":{"content":{"type":["string","null"],"description":"The assistant text (null: none)."},"json":{"description":"Any JSON value, sent serialised as the content; checked against the schema the request asks for."},"refusal":{"type":"string","description":"The model declines with this text, in the provider refusal shape."},"tool_calls":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["function"],"properties":{"id":{"type":"string","description":"Tool call id; generated deterministically when absent."},"type":{"type":"string","enum":["function"]},"function":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"Function name."},"arguments":{"type":["string","object"],"description":"Arguments as a JSON string, or as an object (serialised at load). Absent: generated from the tool schema in the request."}}}}}},"usage":{"type":"object","additionalProperties":false,"properties":{"input_tokens":{"type":"integer","minimum":0,"description":"Prompt tokens reported."},"output_tokens":{"type":"integer","minimum":0,"description":"Completion tokens reported."},"total_tokens":{"type":"integer","minimum":0,"description":"Total tokens reported."}}},"embeddings":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["embedding"],"properties":{"embedding":{"type":"array","items":{"type":"number"}}}}},"finish_reason":{"type":"string","description":"Why generation stopped, e.g. stop, length, tool_calls."},"delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait before the response starts, 0 to 600000 milliseconds (10 minutes)."},"chunk_size":{"type":"integer","minimum":1,"description":"Characters per stream chunk."},"chunk_delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait between stream chunks, 0 to 600000 milliseconds (10 minutes)."},"ttft_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Streams: wait before the first chunk, 0 to 600000 milliseconds (10 minutes)."},"tokens_per_second":{"type":"number","exclusiveMinimum":0,"description":"Streams: pace the chunks at this many tokens a second."},"jitter_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Streams: a seeded extra wait before each chunk, 0 to 600000 milliseconds (10 minutes)."},"id":{"type":"string","description":"Response id; generated deterministically when absent."},"images":{"description":"Accepted for compatibility; not sent."},"audio_url":{"type":"string","description":"Accepted for compatibility; not sent."},"metadata":{"type":"object","description":"Accepted for compatibility; not sent."},"stream":{"type":"boolean","description":"Accepted for compatibility and ignored: the request decides whether to stream."}}},"minItems":1},"error":{"type":"object","description":"An error response in the provider envelope.","additionalProperties":false,"required":["error_type"],"properties":{"error_type":{"type":"string","enum":["rate_limit","authentication","invalid_request","timeout","content_filter","server_error"]},"message":{"type":"string","description":"Error message."},"status_code":{"type":"integer","minimum":400,"maximum":599,"description":"HTTP status."},"code":{"type":"string","description":"Provider error code, e.g. rate_limit_exceeded."},"param":{"type":"string","description":"The request parameter at fault."},"retry_after":{"type":"number","minimum":0,"maximum":86400,"description":"Retry-After header, 0 to 86400 seconds (1 day)."},"delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait before the error, 0 to 600000 milliseconds (10 minutes)."}}},"chaos":{"type":"object","description":"Seeded faults for this rule (docs/chaos.md).","additionalProperties":false,"properties":{"rate_limit":{"type":"number","minimum":0,"maximum":1,"description":"Chance (0 to 1) of a 429 with retry-after."},"server_error":{"type":"number","minimum":0,"maximum":1,"description":"Chance (0 to 1) of a 500 or 503 (Anthropic: 500 or 529)."},"disconnect":{"type":"number","minimum":0,"maximum":1,"description":"Chance (0 to 1) of a cut connection (a stream: after some chunks)."},"malformed":{"type":"number","minimum":0,"maximum":1,"description":"Chance (0 to 1) of a truncated JSON body with status 200."},"disconnect_after_chunks":{"type":"integer","minimum":0,"description":"Cut every stream of the rule after this many chunks."},"stall_after_chunks":{"type":"integer","minimum":0,"description":"Stall every stream of the rule after this many chunks, for stall_ms."},"stall_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"How long a stall lasts, 0 to 600000 milliseconds (10 minutes)."}}},"times":{"type":["integer","null"],"minimum":1,"description":"How many times the rule may be selected (null or absent: unlimited)."},"cycle":{"type":"boolean","description":"With a list under respond: after the last item, start over at the first (default false: the last repeats)."},"recorded":{"type":"object","description":"Written by record mode for mocktopus drift: what the request sent beyond when, and the shape of the upstream answer. Not used to match or answer.","additionalProperties":false,"properties":{"request":{"type":"object","description":"The request body fields that when does not give (stream, max_tokens, tools, ...); with the conversation too when when cannot rebuild it."},"query":{"type":"string","description":"The query string the request was sent with, e.g. alt=sse."},"shape":{"type":"string","description":"The shape of the upstream answer (or of its stream events): field paths, types and enum values, separated by spaces."}}}},"oneOf":[{"required":["respond"]},{"required":["error"]}]}}}};
const func2 = Object.prototype.hasOwnProperty;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://unpkg.com/@mocktopus/scenario/schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.rules === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rules"},message:"must have required property '"+"rules"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "version") || (key0 === "meta")) || (key0 === "strict")) || (key0 === "pricing")) || (key0 === "rules"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.version !== undefined){
let data0 = data.version;
if(1 !== data0){
const err3 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema11.properties.version,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.meta !== undefined){
let data1 = data.meta;
if(!(data1 && typeof data1 == "object" && !Array.isArray(data1))){
const err4 = {instancePath:instancePath+"/meta",schemaPath:"#/properties/meta/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.meta.type,parentSchema:schema11.properties.meta,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.strict !== undefined){
let data2 = data.strict;
if(typeof data2 !== "boolean"){
const err5 = {instancePath:instancePath+"/strict",schemaPath:"#/properties/strict/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.strict.type,parentSchema:schema11.properties.strict,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.pricing !== undefined){
let data3 = data.pricing;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
let data4 = data3[key1];
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.input === undefined){
const err6 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/pricing/additionalProperties/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'",schema:schema11.properties.pricing.additionalProperties.required,parentSchema:schema11.properties.pricing.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key2 in data4){
if(!(((key2 === "input") || (key2 === "output")) || (key2 === "cached_input"))){
const err7 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/pricing/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.pricing.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data4.input !== undefined){
let data5 = data4.input;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err8 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/input",schemaPath:"#/properties/pricing/additionalProperties/properties/input/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.pricing.additionalProperties.properties.input,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/input",schemaPath:"#/properties/pricing/additionalProperties/properties/input/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.pricing.additionalProperties.properties.input.type,parentSchema:schema11.properties.pricing.additionalProperties.properties.input,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data4.output !== undefined){
let data6 = data4.output;
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err10 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/output",schemaPath:"#/properties/pricing/additionalProperties/properties/output/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.pricing.additionalProperties.properties.output,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/output",schemaPath:"#/properties/pricing/additionalProperties/properties/output/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.pricing.additionalProperties.properties.output.type,parentSchema:schema11.properties.pricing.additionalProperties.properties.output,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data4.cached_input !== undefined){
let data7 = data4.cached_input;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err12 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/cached_input",schemaPath:"#/properties/pricing/additionalProperties/properties/cached_input/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.pricing.additionalProperties.properties.cached_input,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/cached_input",schemaPath:"#/properties/pricing/additionalProperties/properties/cached_input/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.pricing.additionalProperties.properties.cached_input.type,parentSchema:schema11.properties.pricing.additionalProperties.properties.cached_input,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/pricing/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.pricing.additionalProperties.type,parentSchema:schema11.properties.pricing.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/pricing",schemaPath:"#/properties/pricing/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.pricing.type,parentSchema:schema11.properties.pricing,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.rules !== undefined){
let data8 = data.rules;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
const _errs23 = errors;
let valid5 = false;
let passing0 = null;
const _errs24 = errors;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.respond === undefined){
const err16 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/oneOf/0/required",keyword:"required",params:{missingProperty: "respond"},message:"must have required property '"+"respond"+"'",schema:schema11.properties.rules.items.oneOf[0].required,parentSchema:schema11.properties.rules.items.oneOf[0],data:data9};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var _valid0 = _errs24 === errors;
if(_valid0){
valid5 = true;
passing0 = 0;
}
const _errs25 = errors;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.error === undefined){
const err17 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/oneOf/1/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'",schema:schema11.properties.rules.items.oneOf[1].required,parentSchema:schema11.properties.rules.items.oneOf[1],data:data9};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
var _valid0 = _errs25 === errors;
if(_valid0 && valid5){
valid5 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid5 = true;
passing0 = 1;
}
}
if(!valid5){
const err18 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema11.properties.rules.items.oneOf,parentSchema:schema11.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
}
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.type === undefined){
const err19 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.rules.items.required,parentSchema:schema11.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
for(const key3 in data9){
if(!((((((((key3 === "type") || (key3 === "when")) || (key3 === "respond")) || (key3 === "error")) || (key3 === "chaos")) || (key3 === "times")) || (key3 === "cycle")) || (key3 === "recorded"))){
const err20 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data9.type !== undefined){
let data10 = data9.type;
if(typeof data10 !== "string"){
const err21 = {instancePath:instancePath+"/rules/" + i0+"/type",schemaPath:"#/properties/rules/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.type.type,parentSchema:schema11.properties.rules.items.properties.type,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(!((((((data10 === "llm.openai") || (data10 === "llm.anthropic")) || (data10 === "llm.gemini")) || (data10 === "llm.ollama")) || (data10 === "llm")) || (data10 === "embeddings"))){
const err22 = {instancePath:instancePath+"/rules/" + i0+"/type",schemaPath:"#/properties/rules/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.type.enum,parentSchema:schema11.properties.rules.items.properties.type,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data9.when !== undefined){
let data11 = data9.when;
if((!(data11 && typeof data11 == "object" && !Array.isArray(data11))) && (data11 !== null)){
const err23 = {instancePath:instancePath+"/rules/" + i0+"/when",schemaPath:"#/properties/rules/items/properties/when/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.when.type},message:"must be object,null",schema:schema11.properties.rules.items.properties.when.type,parentSchema:schema11.properties.rules.items.properties.when,data:data11};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
for(const key4 in data11){
if(!(func2.call(schema11.properties.rules.items.properties.when.properties, key4))){
const err24 = {instancePath:instancePath+"/rules/" + i0+"/when",schemaPath:"#/properties/rules/items/properties/when/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.when,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data11.model !== undefined){
let data12 = data11.model;
if(typeof data12 !== "string"){
const err25 = {instancePath:instancePath+"/rules/" + i0+"/when/model",schemaPath:"#/properties/rules/items/properties/when/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.model.type,parentSchema:schema11.properties.rules.items.properties.when.properties.model,data:data12};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data11.messages_contains !== undefined){
let data13 = data11.messages_contains;
if(typeof data13 !== "string"){
const err26 = {instancePath:instancePath+"/rules/" + i0+"/when/messages_contains",schemaPath:"#/properties/rules/items/properties/when/properties/messages_contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.messages_contains.type,parentSchema:schema11.properties.rules.items.properties.when.properties.messages_contains,data:data13};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data11.input_contains !== undefined){
let data14 = data11.input_contains;
if(typeof data14 !== "string"){
const err27 = {instancePath:instancePath+"/rules/" + i0+"/when/input_contains",schemaPath:"#/properties/rules/items/properties/when/properties/input_contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.input_contains.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input_contains,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data11.messages_regex !== undefined){
let data15 = data11.messages_regex;
if(typeof data15 !== "string"){
const err28 = {instancePath:instancePath+"/rules/" + i0+"/when/messages_regex",schemaPath:"#/properties/rules/items/properties/when/properties/messages_regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.messages_regex.type,parentSchema:schema11.properties.rules.items.properties.when.properties.messages_regex,data:data15};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data11.input_regex !== undefined){
let data16 = data11.input_regex;
if(typeof data16 !== "string"){
const err29 = {instancePath:instancePath+"/rules/" + i0+"/when/input_regex",schemaPath:"#/properties/rules/items/properties/when/properties/input_regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.input_regex.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input_regex,data:data16};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data11.endpoint !== undefined){
let data17 = data11.endpoint;
if(typeof data17 !== "string"){
const err30 = {instancePath:instancePath+"/rules/" + i0+"/when/endpoint",schemaPath:"#/properties/rules/items/properties/when/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.endpoint.type,parentSchema:schema11.properties.rules.items.properties.when.properties.endpoint,data:data17};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data11.ignore_case !== undefined){
let data18 = data11.ignore_case;
if(typeof data18 !== "boolean"){
const err31 = {instancePath:instancePath+"/rules/" + i0+"/when/ignore_case",schemaPath:"#/properties/rules/items/properties/when/properties/ignore_case/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.when.properties.ignore_case.type,parentSchema:schema11.properties.rules.items.properties.when.properties.ignore_case,data:data18};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data11.times !== undefined){
let data19 = data11.times;
if((!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))) && (data19 !== null)){
const err32 = {instancePath:instancePath+"/rules/" + i0+"/when/times",schemaPath:"#/properties/rules/items/properties/when/properties/times/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.when.properties.times.type},message:"must be integer,null",schema:schema11.properties.rules.items.properties.when.properties.times.type,parentSchema:schema11.properties.rules.items.properties.when.properties.times,data:data19};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 < 1 || isNaN(data19)){
const err33 = {instancePath:instancePath+"/rules/" + i0+"/when/times",schemaPath:"#/properties/rules/items/properties/when/properties/times/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.when.properties.times,data:data19};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
if(data11.conversation !== undefined){
let data20 = data11.conversation;
if(Array.isArray(data20)){
const len1 = data20.length;
for(let i1=0; i1<len1; i1++){
let data21 = data20[i1];
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.role === undefined){
const err34 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.required,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data21};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data21.content === undefined){
const err35 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.required,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data21};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key5 in data21){
if(!((key5 === "role") || (key5 === "content"))){
const err36 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data21};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data21.role !== undefined){
let data22 = data21.role;
if(typeof data22 !== "string"){
const err37 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1+"/role",schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.role.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.role,data:data22};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data21.content !== undefined){
let data23 = data21.content;
if(typeof data23 !== "string"){
const err38 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1+"/content",schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.content.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.content,data:data23};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data21};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation",schemaPath:"#/properties/rules/items/properties/when/properties/conversation/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.when.properties.conversation.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation,data:data20};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data11.input !== undefined){
let data24 = data11.input;
if(Array.isArray(data24)){
const len2 = data24.length;
for(let i2=0; i2<len2; i2++){
let data25 = data24[i2];
if(typeof data25 !== "string"){
const err41 = {instancePath:instancePath+"/rules/" + i0+"/when/input/" + i2,schemaPath:"#/properties/rules/items/properties/when/properties/input/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.input.items.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input.items,data:data25};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/rules/" + i0+"/when/input",schemaPath:"#/properties/rules/items/properties/when/properties/input/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.when.properties.input.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input,data:data24};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data11.last_role !== undefined){
let data26 = data11.last_role;
if(typeof data26 !== "string"){
const err43 = {instancePath:instancePath+"/rules/" + i0+"/when/last_role",schemaPath:"#/properties/rules/items/properties/when/properties/last_role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.last_role.type,parentSchema:schema11.properties.rules.items.properties.when.properties.last_role,data:data26};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(!(((data26 === "user") || (data26 === "assistant")) || (data26 === "tool"))){
const err44 = {instancePath:instancePath+"/rules/" + i0+"/when/last_role",schemaPath:"#/properties/rules/items/properties/when/properties/last_role/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.when.properties.last_role.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.when.properties.last_role.enum,parentSchema:schema11.properties.rules.items.properties.when.properties.last_role,data:data26};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data11.has_tool_result !== undefined){
let data27 = data11.has_tool_result;
if(typeof data27 !== "boolean"){
const err45 = {instancePath:instancePath+"/rules/" + i0+"/when/has_tool_result",schemaPath:"#/properties/rules/items/properties/when/properties/has_tool_result/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.when.properties.has_tool_result.type,parentSchema:schema11.properties.rules.items.properties.when.properties.has_tool_result,data:data27};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data11.tool_result_contains !== undefined){
let data28 = data11.tool_result_contains;
if(typeof data28 !== "string"){
const err46 = {instancePath:instancePath+"/rules/" + i0+"/when/tool_result_contains",schemaPath:"#/properties/rules/items/properties/when/properties/tool_result_contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.tool_result_contains.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tool_result_contains,data:data28};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data11.tool_call_id !== undefined){
let data29 = data11.tool_call_id;
if(typeof data29 !== "string"){
const err47 = {instancePath:instancePath+"/rules/" + i0+"/when/tool_call_id",schemaPath:"#/properties/rules/items/properties/when/properties/tool_call_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.tool_call_id.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tool_call_id,data:data29};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data11.tools_offered !== undefined){
let data30 = data11.tools_offered;
if((typeof data30 !== "string") && (!(Array.isArray(data30)))){
const err48 = {instancePath:instancePath+"/rules/" + i0+"/when/tools_offered",schemaPath:"#/properties/rules/items/properties/when/properties/tools_offered/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.when.properties.tools_offered.type},message:"must be string,array",schema:schema11.properties.rules.items.properties.when.properties.tools_offered.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tools_offered,data:data30};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(Array.isArray(data30)){
if(data30.length < 1){
const err49 = {instancePath:instancePath+"/rules/" + i0+"/when/tools_offered",schemaPath:"#/properties/rules/items/properties/when/properties/tools_offered/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.rules.items.properties.when.properties.tools_offered,data:data30};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
const len3 = data30.length;
for(let i3=0; i3<len3; i3++){
let data31 = data30[i3];
if(typeof data31 !== "string"){
const err50 = {instancePath:instancePath+"/rules/" + i0+"/when/tools_offered/" + i3,schemaPath:"#/properties/rules/items/properties/when/properties/tools_offered/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.tools_offered.items.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tools_offered.items,data:data31};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
}
if(data11.system_contains !== undefined){
let data32 = data11.system_contains;
if(typeof data32 !== "string"){
const err51 = {instancePath:instancePath+"/rules/" + i0+"/when/system_contains",schemaPath:"#/properties/rules/items/properties/when/properties/system_contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.system_contains.type,parentSchema:schema11.properties.rules.items.properties.when.properties.system_contains,data:data32};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data11.turn !== undefined){
let data33 = data11.turn;
if(!(((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33))) && (isFinite(data33)))){
const err52 = {instancePath:instancePath+"/rules/" + i0+"/when/turn",schemaPath:"#/properties/rules/items/properties/when/properties/turn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.when.properties.turn.type,parentSchema:schema11.properties.rules.items.properties.when.properties.turn,data:data33};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 < 0 || isNaN(data33)){
const err53 = {instancePath:instancePath+"/rules/" + i0+"/when/turn",schemaPath:"#/properties/rules/items/properties/when/properties/turn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.when.properties.turn,data:data33};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
if(data11.tools !== undefined){
let data34 = data11.tools;
if(Array.isArray(data34)){
const len4 = data34.length;
for(let i4=0; i4<len4; i4++){
let data35 = data34[i4];
if(typeof data35 !== "string"){
const err54 = {instancePath:instancePath+"/rules/" + i0+"/when/tools/" + i4,schemaPath:"#/properties/rules/items/properties/when/properties/tools/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.tools.items.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tools.items,data:data35};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/rules/" + i0+"/when/tools",schemaPath:"#/properties/rules/items/properties/when/properties/tools/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.when.properties.tools.type,parentSchema:schema11.properties.rules.items.properties.when.properties.tools,data:data34};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data11.params !== undefined){
let data36 = data11.params;
if(!(data36 && typeof data36 == "object" && !Array.isArray(data36))){
const err56 = {instancePath:instancePath+"/rules/" + i0+"/when/params",schemaPath:"#/properties/rules/items/properties/when/properties/params/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.when.properties.params.type,parentSchema:schema11.properties.rules.items.properties.when.properties.params,data:data36};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
}
if(data9.respond !== undefined){
let data37 = data9.respond;
if(!data37 || typeof data37 != "object"){
const err57 = {instancePath:instancePath+"/rules/" + i0+"/respond",schemaPath:"#/properties/rules/items/properties/respond/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.type},message:"must be object,array",schema:schema11.properties.rules.items.properties.respond.type,parentSchema:schema11.properties.rules.items.properties.respond,data:data37};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(Array.isArray(data37)){
if(data37.length < 1){
const err58 = {instancePath:instancePath+"/rules/" + i0+"/respond",schemaPath:"#/properties/rules/items/properties/respond/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.rules.items.properties.respond,data:data37};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
const len5 = data37.length;
for(let i5=0; i5<len5; i5++){
let data38 = data37[i5];
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key6 in data38){
if(!(func2.call(schema11.properties.rules.items.properties.respond.items.properties, key6))){
const err59 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5,schemaPath:"#/properties/rules/items/properties/respond/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items,data:data38};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data38.content !== undefined){
let data39 = data38.content;
if((typeof data39 !== "string") && (data39 !== null)){
const err60 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/content",schemaPath:"#/properties/rules/items/properties/respond/items/properties/content/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.items.properties.content.type},message:"must be string,null",schema:schema11.properties.rules.items.properties.respond.items.properties.content.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.content,data:data39};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data38.refusal !== undefined){
let data40 = data38.refusal;
if(typeof data40 !== "string"){
const err61 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/refusal",schemaPath:"#/properties/rules/items/properties/respond/items/properties/refusal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.refusal.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.refusal,data:data40};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data38.tool_calls !== undefined){
let data41 = data38.tool_calls;
if(Array.isArray(data41)){
const len6 = data41.length;
for(let i6=0; i6<len6; i6++){
let data42 = data41[i6];
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
if(data42.function === undefined){
const err62 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6,schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.required,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items,data:data42};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
for(const key7 in data42){
if(!(((key7 === "id") || (key7 === "type")) || (key7 === "function"))){
const err63 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6,schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items,data:data42};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data42.id !== undefined){
let data43 = data42.id;
if(typeof data43 !== "string"){
const err64 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/id",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.id,data:data43};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data42.type !== undefined){
let data44 = data42.type;
if(typeof data44 !== "string"){
const err65 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/type",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.type.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.type,data:data44};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
if(!(data44 === "function")){
const err66 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/type",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.type.enum,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.type,data:data44};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data42.function !== undefined){
let data45 = data42.function;
if(data45 && typeof data45 == "object" && !Array.isArray(data45)){
if(data45.name === undefined){
const err67 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/function",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.required,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function,data:data45};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
for(const key8 in data45){
if(!((key8 === "name") || (key8 === "arguments"))){
const err68 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/function",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/function/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function,data:data45};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data45.name !== undefined){
let data46 = data45.name;
if(typeof data46 !== "string"){
const err69 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/function/name",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.properties.name.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.properties.name,data:data46};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data45.arguments !== undefined){
let data47 = data45.arguments;
if((typeof data47 !== "string") && (!(data47 && typeof data47 == "object" && !Array.isArray(data47)))){
const err70 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/function/arguments",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/function/properties/arguments/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.properties.arguments.type},message:"must be string,object",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.properties.arguments.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.properties.arguments,data:data47};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6+"/function",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.properties.function,data:data45};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
else {
const err72 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls/" + i6,schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.items,data:data42};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
}
else {
const err73 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tool_calls",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tool_calls/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tool_calls,data:data41};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data38.usage !== undefined){
let data48 = data38.usage;
if(data48 && typeof data48 == "object" && !Array.isArray(data48)){
for(const key9 in data48){
if(!(((key9 === "input_tokens") || (key9 === "output_tokens")) || (key9 === "total_tokens"))){
const err74 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage,data:data48};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data48.input_tokens !== undefined){
let data49 = data48.input_tokens;
if(!(((typeof data49 == "number") && (!(data49 % 1) && !isNaN(data49))) && (isFinite(data49)))){
const err75 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/input_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/input_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.input_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.input_tokens,data:data49};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if((typeof data49 == "number") && (isFinite(data49))){
if(data49 < 0 || isNaN(data49)){
const err76 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/input_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/input_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.input_tokens,data:data49};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
if(data48.output_tokens !== undefined){
let data50 = data48.output_tokens;
if(!(((typeof data50 == "number") && (!(data50 % 1) && !isNaN(data50))) && (isFinite(data50)))){
const err77 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/output_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/output_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.output_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.output_tokens,data:data50};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if((typeof data50 == "number") && (isFinite(data50))){
if(data50 < 0 || isNaN(data50)){
const err78 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/output_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/output_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.output_tokens,data:data50};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
if(data48.total_tokens !== undefined){
let data51 = data48.total_tokens;
if(!(((typeof data51 == "number") && (!(data51 % 1) && !isNaN(data51))) && (isFinite(data51)))){
const err79 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/total_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/total_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.total_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.total_tokens,data:data51};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 < 0 || isNaN(data51)){
const err80 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage/total_tokens",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/properties/total_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage.properties.total_tokens,data:data51};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
}
else {
const err81 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/usage",schemaPath:"#/properties/rules/items/properties/respond/items/properties/usage/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.usage.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.usage,data:data48};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data38.embeddings !== undefined){
let data52 = data38.embeddings;
if(Array.isArray(data52)){
const len7 = data52.length;
for(let i7=0; i7<len7; i7++){
let data53 = data52[i7];
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
if(data53.embedding === undefined){
const err82 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings/" + i7,schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/items/required",keyword:"required",params:{missingProperty: "embedding"},message:"must have required property '"+"embedding"+"'",schema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.required,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items,data:data53};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
for(const key10 in data53){
if(!(key10 === "embedding")){
const err83 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings/" + i7,schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items,data:data53};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data53.embedding !== undefined){
let data54 = data53.embedding;
if(Array.isArray(data54)){
const len8 = data54.length;
for(let i8=0; i8<len8; i8++){
let data55 = data54[i8];
if(!((typeof data55 == "number") && (isFinite(data55)))){
const err84 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings/" + i7+"/embedding/" + i8,schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/items/properties/embedding/items/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.properties.embedding.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.properties.embedding.items,data:data55};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
}
else {
const err85 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings/" + i7+"/embedding",schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/items/properties/embedding/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.properties.embedding.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.properties.embedding,data:data54};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
}
else {
const err86 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings/" + i7,schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.items,data:data53};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
}
else {
const err87 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/embeddings",schemaPath:"#/properties/rules/items/properties/respond/items/properties/embeddings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.items.properties.embeddings.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.embeddings,data:data52};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data38.finish_reason !== undefined){
let data56 = data38.finish_reason;
if(typeof data56 !== "string"){
const err88 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/finish_reason",schemaPath:"#/properties/rules/items/properties/respond/items/properties/finish_reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.finish_reason.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.finish_reason,data:data56};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data38.delay_ms !== undefined){
let data57 = data38.delay_ms;
if(!(((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57))) && (isFinite(data57)))){
const err89 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.delay_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.delay_ms,data:data57};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
if((typeof data57 == "number") && (isFinite(data57))){
if(data57 > 600000 || isNaN(data57)){
const err90 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.delay_ms,data:data57};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(data57 < 0 || isNaN(data57)){
const err91 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.delay_ms,data:data57};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
}
if(data38.chunk_size !== undefined){
let data58 = data38.chunk_size;
if(!(((typeof data58 == "number") && (!(data58 % 1) && !isNaN(data58))) && (isFinite(data58)))){
const err92 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_size",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.chunk_size.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_size,data:data58};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
if((typeof data58 == "number") && (isFinite(data58))){
if(data58 < 1 || isNaN(data58)){
const err93 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_size",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_size,data:data58};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
}
if(data38.chunk_delay_ms !== undefined){
let data59 = data38.chunk_delay_ms;
if(!(((typeof data59 == "number") && (!(data59 % 1) && !isNaN(data59))) && (isFinite(data59)))){
const err94 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delay_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delay_ms,data:data59};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
if((typeof data59 == "number") && (isFinite(data59))){
if(data59 > 600000 || isNaN(data59)){
const err95 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delay_ms,data:data59};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
if(data59 < 0 || isNaN(data59)){
const err96 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/chunk_delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.chunk_delay_ms,data:data59};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
}
if(data38.ttft_ms !== undefined){
let data60 = data38.ttft_ms;
if(!(((typeof data60 == "number") && (!(data60 % 1) && !isNaN(data60))) && (isFinite(data60)))){
const err97 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/ttft_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.ttft_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.ttft_ms,data:data60};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
if((typeof data60 == "number") && (isFinite(data60))){
if(data60 > 600000 || isNaN(data60)){
const err98 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/ttft_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.ttft_ms,data:data60};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
if(data60 < 0 || isNaN(data60)){
const err99 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/ttft_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.ttft_ms,data:data60};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
if(data38.tokens_per_second !== undefined){
let data61 = data38.tokens_per_second;
if((typeof data61 == "number") && (isFinite(data61))){
if(data61 <= 0 || isNaN(data61)){
const err100 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tokens_per_second",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tokens_per_second/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tokens_per_second,data:data61};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
else {
const err101 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/tokens_per_second",schemaPath:"#/properties/rules/items/properties/respond/items/properties/tokens_per_second/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.respond.items.properties.tokens_per_second.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.tokens_per_second,data:data61};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data38.jitter_ms !== undefined){
let data62 = data38.jitter_ms;
if(!(((typeof data62 == "number") && (!(data62 % 1) && !isNaN(data62))) && (isFinite(data62)))){
const err102 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/jitter_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.items.properties.jitter_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.jitter_ms,data:data62};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
if((typeof data62 == "number") && (isFinite(data62))){
if(data62 > 600000 || isNaN(data62)){
const err103 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/jitter_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.jitter_ms,data:data62};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
if(data62 < 0 || isNaN(data62)){
const err104 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/items/properties/jitter_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.jitter_ms,data:data62};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
}
if(data38.id !== undefined){
let data63 = data38.id;
if(typeof data63 !== "string"){
const err105 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/id",schemaPath:"#/properties/rules/items/properties/respond/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.id,data:data63};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
if(data38.audio_url !== undefined){
let data64 = data38.audio_url;
if(typeof data64 !== "string"){
const err106 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/audio_url",schemaPath:"#/properties/rules/items/properties/respond/items/properties/audio_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.items.properties.audio_url.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.audio_url,data:data64};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data38.metadata !== undefined){
let data65 = data38.metadata;
if(!(data65 && typeof data65 == "object" && !Array.isArray(data65))){
const err107 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/metadata",schemaPath:"#/properties/rules/items/properties/respond/items/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.properties.metadata.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.metadata,data:data65};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
if(data38.stream !== undefined){
let data66 = data38.stream;
if(typeof data66 !== "boolean"){
const err108 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5+"/stream",schemaPath:"#/properties/rules/items/properties/respond/items/properties/stream/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.respond.items.properties.stream.type,parentSchema:schema11.properties.rules.items.properties.respond.items.properties.stream,data:data66};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
}
else {
const err109 = {instancePath:instancePath+"/rules/" + i0+"/respond/" + i5,schemaPath:"#/properties/rules/items/properties/respond/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.items.type,parentSchema:schema11.properties.rules.items.properties.respond.items,data:data38};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
}
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
for(const key11 in data37){
if(!(func2.call(schema11.properties.rules.items.properties.respond.properties, key11))){
const err110 = {instancePath:instancePath+"/rules/" + i0+"/respond",schemaPath:"#/properties/rules/items/properties/respond/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond,data:data37};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data37.content !== undefined){
let data67 = data37.content;
if((typeof data67 !== "string") && (data67 !== null)){
const err111 = {instancePath:instancePath+"/rules/" + i0+"/respond/content",schemaPath:"#/properties/rules/items/properties/respond/properties/content/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.properties.content.type},message:"must be string,null",schema:schema11.properties.rules.items.properties.respond.properties.content.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.content,data:data67};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data37.refusal !== undefined){
let data68 = data37.refusal;
if(typeof data68 !== "string"){
const err112 = {instancePath:instancePath+"/rules/" + i0+"/respond/refusal",schemaPath:"#/properties/rules/items/properties/respond/properties/refusal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.refusal.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.refusal,data:data68};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
if(data37.tool_calls !== undefined){
let data69 = data37.tool_calls;
if(Array.isArray(data69)){
const len9 = data69.length;
for(let i9=0; i9<len9; i9++){
let data70 = data69[i9];
if(data70 && typeof data70 == "object" && !Array.isArray(data70)){
if(data70.function === undefined){
const err113 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9,schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items,data:data70};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
for(const key12 in data70){
if(!(((key12 === "id") || (key12 === "type")) || (key12 === "function"))){
const err114 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9,schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items,data:data70};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data70.id !== undefined){
let data71 = data70.id;
if(typeof data71 !== "string"){
const err115 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9+"/id",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.id,data:data71};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
if(data70.type !== undefined){
let data72 = data70.type;
if(typeof data72 !== "string"){
const err116 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9+"/type",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type,data:data72};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
if(!(data72 === "function")){
const err117 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9+"/type",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type.enum,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type,data:data72};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
if(data70.function !== undefined){
let data73 = data70.function;
if(data73 && typeof data73 == "object" && !Array.isArray(data73)){
if(data73.name === undefined){
const err118 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function,data:data73};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
for(const key13 in data73){
if(!((key13 === "name") || (key13 === "arguments"))){
const err119 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function,data:data73};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
if(data73.name !== undefined){
let data74 = data73.name;
if(typeof data74 !== "string"){
const err120 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9+"/function/name",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.name.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.name,data:data74};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
if(data73.arguments !== undefined){
let data75 = data73.arguments;
if((typeof data75 !== "string") && (!(data75 && typeof data75 == "object" && !Array.isArray(data75)))){
const err121 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9+"/function/arguments",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/properties/arguments/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.arguments.type},message:"must be string,object",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.arguments.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.arguments,data:data75};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
}
else {
const err122 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function,data:data73};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
}
else {
const err123 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i9,schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items,data:data70};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
}
else {
const err124 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls,data:data69};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
if(data37.usage !== undefined){
let data76 = data37.usage;
if(data76 && typeof data76 == "object" && !Array.isArray(data76)){
for(const key14 in data76){
if(!(((key14 === "input_tokens") || (key14 === "output_tokens")) || (key14 === "total_tokens"))){
const err125 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage,data:data76};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
if(data76.input_tokens !== undefined){
let data77 = data76.input_tokens;
if(!(((typeof data77 == "number") && (!(data77 % 1) && !isNaN(data77))) && (isFinite(data77)))){
const err126 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/input_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/input_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.usage.properties.input_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.input_tokens,data:data77};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
if((typeof data77 == "number") && (isFinite(data77))){
if(data77 < 0 || isNaN(data77)){
const err127 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/input_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/input_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.input_tokens,data:data77};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
}
if(data76.output_tokens !== undefined){
let data78 = data76.output_tokens;
if(!(((typeof data78 == "number") && (!(data78 % 1) && !isNaN(data78))) && (isFinite(data78)))){
const err128 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/output_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/output_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.usage.properties.output_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.output_tokens,data:data78};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
if((typeof data78 == "number") && (isFinite(data78))){
if(data78 < 0 || isNaN(data78)){
const err129 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/output_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/output_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.output_tokens,data:data78};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
}
if(data76.total_tokens !== undefined){
let data79 = data76.total_tokens;
if(!(((typeof data79 == "number") && (!(data79 % 1) && !isNaN(data79))) && (isFinite(data79)))){
const err130 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/total_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/total_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.usage.properties.total_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.total_tokens,data:data79};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
if((typeof data79 == "number") && (isFinite(data79))){
if(data79 < 0 || isNaN(data79)){
const err131 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/total_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/total_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.total_tokens,data:data79};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
}
}
else {
const err132 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.usage.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage,data:data76};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
if(data37.embeddings !== undefined){
let data80 = data37.embeddings;
if(Array.isArray(data80)){
const len10 = data80.length;
for(let i10=0; i10<len10; i10++){
let data81 = data80[i10];
if(data81 && typeof data81 == "object" && !Array.isArray(data81)){
if(data81.embedding === undefined){
const err133 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i10,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/required",keyword:"required",params:{missingProperty: "embedding"},message:"must have required property '"+"embedding"+"'",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items,data:data81};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
for(const key15 in data81){
if(!(key15 === "embedding")){
const err134 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i10,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items,data:data81};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data81.embedding !== undefined){
let data82 = data81.embedding;
if(Array.isArray(data82)){
const len11 = data82.length;
for(let i11=0; i11<len11; i11++){
let data83 = data82[i11];
if(!((typeof data83 == "number") && (isFinite(data83)))){
const err135 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i10+"/embedding/" + i11,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/properties/embedding/items/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding.items,data:data83};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
}
else {
const err136 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i10+"/embedding",schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/properties/embedding/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding,data:data82};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
}
else {
const err137 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i10,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items,data:data81};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
}
else {
const err138 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings",schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings,data:data80};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
if(data37.finish_reason !== undefined){
let data84 = data37.finish_reason;
if(typeof data84 !== "string"){
const err139 = {instancePath:instancePath+"/rules/" + i0+"/respond/finish_reason",schemaPath:"#/properties/rules/items/properties/respond/properties/finish_reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.finish_reason.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.finish_reason,data:data84};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
if(data37.delay_ms !== undefined){
let data85 = data37.delay_ms;
if(!(((typeof data85 == "number") && (!(data85 % 1) && !isNaN(data85))) && (isFinite(data85)))){
const err140 = {instancePath:instancePath+"/rules/" + i0+"/respond/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.delay_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.delay_ms,data:data85};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
if((typeof data85 == "number") && (isFinite(data85))){
if(data85 > 600000 || isNaN(data85)){
const err141 = {instancePath:instancePath+"/rules/" + i0+"/respond/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.delay_ms,data:data85};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
if(data85 < 0 || isNaN(data85)){
const err142 = {instancePath:instancePath+"/rules/" + i0+"/respond/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.delay_ms,data:data85};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
}
if(data37.chunk_size !== undefined){
let data86 = data37.chunk_size;
if(!(((typeof data86 == "number") && (!(data86 % 1) && !isNaN(data86))) && (isFinite(data86)))){
const err143 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_size",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.chunk_size.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_size,data:data86};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
if((typeof data86 == "number") && (isFinite(data86))){
if(data86 < 1 || isNaN(data86)){
const err144 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_size",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_size,data:data86};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
}
if(data37.chunk_delay_ms !== undefined){
let data87 = data37.chunk_delay_ms;
if(!(((typeof data87 == "number") && (!(data87 % 1) && !isNaN(data87))) && (isFinite(data87)))){
const err145 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms,data:data87};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
if((typeof data87 == "number") && (isFinite(data87))){
if(data87 > 600000 || isNaN(data87)){
const err146 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms,data:data87};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
if(data87 < 0 || isNaN(data87)){
const err147 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms,data:data87};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
}
if(data37.ttft_ms !== undefined){
let data88 = data37.ttft_ms;
if(!(((typeof data88 == "number") && (!(data88 % 1) && !isNaN(data88))) && (isFinite(data88)))){
const err148 = {instancePath:instancePath+"/rules/" + i0+"/respond/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/ttft_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.ttft_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.ttft_ms,data:data88};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
if((typeof data88 == "number") && (isFinite(data88))){
if(data88 > 600000 || isNaN(data88)){
const err149 = {instancePath:instancePath+"/rules/" + i0+"/respond/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/ttft_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.ttft_ms,data:data88};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
if(data88 < 0 || isNaN(data88)){
const err150 = {instancePath:instancePath+"/rules/" + i0+"/respond/ttft_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/ttft_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.ttft_ms,data:data88};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
}
if(data37.tokens_per_second !== undefined){
let data89 = data37.tokens_per_second;
if((typeof data89 == "number") && (isFinite(data89))){
if(data89 <= 0 || isNaN(data89)){
const err151 = {instancePath:instancePath+"/rules/" + i0+"/respond/tokens_per_second",schemaPath:"#/properties/rules/items/properties/respond/properties/tokens_per_second/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.tokens_per_second,data:data89};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
else {
const err152 = {instancePath:instancePath+"/rules/" + i0+"/respond/tokens_per_second",schemaPath:"#/properties/rules/items/properties/respond/properties/tokens_per_second/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.respond.properties.tokens_per_second.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tokens_per_second,data:data89};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
if(data37.jitter_ms !== undefined){
let data90 = data37.jitter_ms;
if(!(((typeof data90 == "number") && (!(data90 % 1) && !isNaN(data90))) && (isFinite(data90)))){
const err153 = {instancePath:instancePath+"/rules/" + i0+"/respond/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/jitter_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.jitter_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.jitter_ms,data:data90};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
if((typeof data90 == "number") && (isFinite(data90))){
if(data90 > 600000 || isNaN(data90)){
const err154 = {instancePath:instancePath+"/rules/" + i0+"/respond/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/jitter_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.jitter_ms,data:data90};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
if(data90 < 0 || isNaN(data90)){
const err155 = {instancePath:instancePath+"/rules/" + i0+"/respond/jitter_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/jitter_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.jitter_ms,data:data90};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
}
if(data37.id !== undefined){
let data91 = data37.id;
if(typeof data91 !== "string"){
const err156 = {instancePath:instancePath+"/rules/" + i0+"/respond/id",schemaPath:"#/properties/rules/items/properties/respond/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.id,data:data91};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
if(data37.audio_url !== undefined){
let data92 = data37.audio_url;
if(typeof data92 !== "string"){
const err157 = {instancePath:instancePath+"/rules/" + i0+"/respond/audio_url",schemaPath:"#/properties/rules/items/properties/respond/properties/audio_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.audio_url.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.audio_url,data:data92};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
if(data37.metadata !== undefined){
let data93 = data37.metadata;
if(!(data93 && typeof data93 == "object" && !Array.isArray(data93))){
const err158 = {instancePath:instancePath+"/rules/" + i0+"/respond/metadata",schemaPath:"#/properties/rules/items/properties/respond/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.metadata.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.metadata,data:data93};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
if(data37.stream !== undefined){
let data94 = data37.stream;
if(typeof data94 !== "boolean"){
const err159 = {instancePath:instancePath+"/rules/" + i0+"/respond/stream",schemaPath:"#/properties/rules/items/properties/respond/properties/stream/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.respond.properties.stream.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.stream,data:data94};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
}
}
if(data9.error !== undefined){
let data95 = data9.error;
if(data95 && typeof data95 == "object" && !Array.isArray(data95)){
if(data95.error_type === undefined){
const err160 = {instancePath:instancePath+"/rules/" + i0+"/error",schemaPath:"#/properties/rules/items/properties/error/required",keyword:"required",params:{missingProperty: "error_type"},message:"must have required property '"+"error_type"+"'",schema:schema11.properties.rules.items.properties.error.required,parentSchema:schema11.properties.rules.items.properties.error,data:data95};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
for(const key16 in data95){
if(!(((((((key16 === "error_type") || (key16 === "message")) || (key16 === "status_code")) || (key16 === "code")) || (key16 === "param")) || (key16 === "retry_after")) || (key16 === "delay_ms"))){
const err161 = {instancePath:instancePath+"/rules/" + i0+"/error",schemaPath:"#/properties/rules/items/properties/error/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.error,data:data95};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
if(data95.error_type !== undefined){
let data96 = data95.error_type;
if(typeof data96 !== "string"){
const err162 = {instancePath:instancePath+"/rules/" + i0+"/error/error_type",schemaPath:"#/properties/rules/items/properties/error/properties/error_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.error_type.type,parentSchema:schema11.properties.rules.items.properties.error.properties.error_type,data:data96};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
if(!((((((data96 === "rate_limit") || (data96 === "authentication")) || (data96 === "invalid_request")) || (data96 === "timeout")) || (data96 === "content_filter")) || (data96 === "server_error"))){
const err163 = {instancePath:instancePath+"/rules/" + i0+"/error/error_type",schemaPath:"#/properties/rules/items/properties/error/properties/error_type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.error.properties.error_type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.error.properties.error_type.enum,parentSchema:schema11.properties.rules.items.properties.error.properties.error_type,data:data96};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
if(data95.message !== undefined){
let data97 = data95.message;
if(typeof data97 !== "string"){
const err164 = {instancePath:instancePath+"/rules/" + i0+"/error/message",schemaPath:"#/properties/rules/items/properties/error/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.message.type,parentSchema:schema11.properties.rules.items.properties.error.properties.message,data:data97};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
if(data95.status_code !== undefined){
let data98 = data95.status_code;
if(!(((typeof data98 == "number") && (!(data98 % 1) && !isNaN(data98))) && (isFinite(data98)))){
const err165 = {instancePath:instancePath+"/rules/" + i0+"/error/status_code",schemaPath:"#/properties/rules/items/properties/error/properties/status_code/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.error.properties.status_code.type,parentSchema:schema11.properties.rules.items.properties.error.properties.status_code,data:data98};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
if((typeof data98 == "number") && (isFinite(data98))){
if(data98 > 599 || isNaN(data98)){
const err166 = {instancePath:instancePath+"/rules/" + i0+"/error/status_code",schemaPath:"#/properties/rules/items/properties/error/properties/status_code/maximum",keyword:"maximum",params:{comparison: "<=", limit: 599},message:"must be <= 599",schema:599,parentSchema:schema11.properties.rules.items.properties.error.properties.status_code,data:data98};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
if(data98 < 400 || isNaN(data98)){
const err167 = {instancePath:instancePath+"/rules/" + i0+"/error/status_code",schemaPath:"#/properties/rules/items/properties/error/properties/status_code/minimum",keyword:"minimum",params:{comparison: ">=", limit: 400},message:"must be >= 400",schema:400,parentSchema:schema11.properties.rules.items.properties.error.properties.status_code,data:data98};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
}
if(data95.code !== undefined){
let data99 = data95.code;
if(typeof data99 !== "string"){
const err168 = {instancePath:instancePath+"/rules/" + i0+"/error/code",schemaPath:"#/properties/rules/items/properties/error/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.code.type,parentSchema:schema11.properties.rules.items.properties.error.properties.code,data:data99};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
if(data95.param !== undefined){
let data100 = data95.param;
if(typeof data100 !== "string"){
const err169 = {instancePath:instancePath+"/rules/" + i0+"/error/param",schemaPath:"#/properties/rules/items/properties/error/properties/param/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.param.type,parentSchema:schema11.properties.rules.items.properties.error.properties.param,data:data100};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
if(data95.retry_after !== undefined){
let data101 = data95.retry_after;
if((typeof data101 == "number") && (isFinite(data101))){
if(data101 > 86400 || isNaN(data101)){
const err170 = {instancePath:instancePath+"/rules/" + i0+"/error/retry_after",schemaPath:"#/properties/rules/items/properties/error/properties/retry_after/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400",schema:86400,parentSchema:schema11.properties.rules.items.properties.error.properties.retry_after,data:data101};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
if(data101 < 0 || isNaN(data101)){
const err171 = {instancePath:instancePath+"/rules/" + i0+"/error/retry_after",schemaPath:"#/properties/rules/items/properties/error/properties/retry_after/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.error.properties.retry_after,data:data101};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
else {
const err172 = {instancePath:instancePath+"/rules/" + i0+"/error/retry_after",schemaPath:"#/properties/rules/items/properties/error/properties/retry_after/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.error.properties.retry_after.type,parentSchema:schema11.properties.rules.items.properties.error.properties.retry_after,data:data101};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
if(data95.delay_ms !== undefined){
let data102 = data95.delay_ms;
if(!(((typeof data102 == "number") && (!(data102 % 1) && !isNaN(data102))) && (isFinite(data102)))){
const err173 = {instancePath:instancePath+"/rules/" + i0+"/error/delay_ms",schemaPath:"#/properties/rules/items/properties/error/properties/delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.error.properties.delay_ms.type,parentSchema:schema11.properties.rules.items.properties.error.properties.delay_ms,data:data102};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
if((typeof data102 == "number") && (isFinite(data102))){
if(data102 > 600000 || isNaN(data102)){
const err174 = {instancePath:instancePath+"/rules/" + i0+"/error/delay_ms",schemaPath:"#/properties/rules/items/properties/error/properties/delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.error.properties.delay_ms,data:data102};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
if(data102 < 0 || isNaN(data102)){
const err175 = {instancePath:instancePath+"/rules/" + i0+"/error/delay_ms",schemaPath:"#/properties/rules/items/properties/error/properties/delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.error.properties.delay_ms,data:data102};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
}
}
else {
const err176 = {instancePath:instancePath+"/rules/" + i0+"/error",schemaPath:"#/properties/rules/items/properties/error/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.error.type,parentSchema:schema11.properties.rules.items.properties.error,data:data95};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
if(data9.chaos !== undefined){
let data103 = data9.chaos;
if(data103 && typeof data103 == "object" && !Array.isArray(data103)){
for(const key17 in data103){
if(!(((((((key17 === "rate_limit") || (key17 === "server_error")) || (key17 === "disconnect")) || (key17 === "malformed")) || (key17 === "disconnect_after_chunks")) || (key17 === "stall_after_chunks")) || (key17 === "stall_ms"))){
const err177 = {instancePath:instancePath+"/rules/" + i0+"/chaos",schemaPath:"#/properties/rules/items/properties/chaos/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.chaos,data:data103};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
if(data103.rate_limit !== undefined){
let data104 = data103.rate_limit;
if((typeof data104 == "number") && (isFinite(data104))){
if(data104 > 1 || isNaN(data104)){
const err178 = {instancePath:instancePath+"/rules/" + i0+"/chaos/rate_limit",schemaPath:"#/properties/rules/items/properties/chaos/properties/rate_limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.chaos.properties.rate_limit,data:data104};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
if(data104 < 0 || isNaN(data104)){
const err179 = {instancePath:instancePath+"/rules/" + i0+"/chaos/rate_limit",schemaPath:"#/properties/rules/items/properties/chaos/properties/rate_limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.rate_limit,data:data104};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
else {
const err180 = {instancePath:instancePath+"/rules/" + i0+"/chaos/rate_limit",schemaPath:"#/properties/rules/items/properties/chaos/properties/rate_limit/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.chaos.properties.rate_limit.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.rate_limit,data:data104};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
if(data103.server_error !== undefined){
let data105 = data103.server_error;
if((typeof data105 == "number") && (isFinite(data105))){
if(data105 > 1 || isNaN(data105)){
const err181 = {instancePath:instancePath+"/rules/" + i0+"/chaos/server_error",schemaPath:"#/properties/rules/items/properties/chaos/properties/server_error/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.chaos.properties.server_error,data:data105};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
if(data105 < 0 || isNaN(data105)){
const err182 = {instancePath:instancePath+"/rules/" + i0+"/chaos/server_error",schemaPath:"#/properties/rules/items/properties/chaos/properties/server_error/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.server_error,data:data105};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
else {
const err183 = {instancePath:instancePath+"/rules/" + i0+"/chaos/server_error",schemaPath:"#/properties/rules/items/properties/chaos/properties/server_error/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.chaos.properties.server_error.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.server_error,data:data105};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
if(data103.disconnect !== undefined){
let data106 = data103.disconnect;
if((typeof data106 == "number") && (isFinite(data106))){
if(data106 > 1 || isNaN(data106)){
const err184 = {instancePath:instancePath+"/rules/" + i0+"/chaos/disconnect",schemaPath:"#/properties/rules/items/properties/chaos/properties/disconnect/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.chaos.properties.disconnect,data:data106};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
if(data106 < 0 || isNaN(data106)){
const err185 = {instancePath:instancePath+"/rules/" + i0+"/chaos/disconnect",schemaPath:"#/properties/rules/items/properties/chaos/properties/disconnect/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.disconnect,data:data106};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
else {
const err186 = {instancePath:instancePath+"/rules/" + i0+"/chaos/disconnect",schemaPath:"#/properties/rules/items/properties/chaos/properties/disconnect/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.chaos.properties.disconnect.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.disconnect,data:data106};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
}
if(data103.malformed !== undefined){
let data107 = data103.malformed;
if((typeof data107 == "number") && (isFinite(data107))){
if(data107 > 1 || isNaN(data107)){
const err187 = {instancePath:instancePath+"/rules/" + i0+"/chaos/malformed",schemaPath:"#/properties/rules/items/properties/chaos/properties/malformed/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.chaos.properties.malformed,data:data107};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
if(data107 < 0 || isNaN(data107)){
const err188 = {instancePath:instancePath+"/rules/" + i0+"/chaos/malformed",schemaPath:"#/properties/rules/items/properties/chaos/properties/malformed/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.malformed,data:data107};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
}
else {
const err189 = {instancePath:instancePath+"/rules/" + i0+"/chaos/malformed",schemaPath:"#/properties/rules/items/properties/chaos/properties/malformed/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.chaos.properties.malformed.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.malformed,data:data107};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
}
if(data103.disconnect_after_chunks !== undefined){
let data108 = data103.disconnect_after_chunks;
if(!(((typeof data108 == "number") && (!(data108 % 1) && !isNaN(data108))) && (isFinite(data108)))){
const err190 = {instancePath:instancePath+"/rules/" + i0+"/chaos/disconnect_after_chunks",schemaPath:"#/properties/rules/items/properties/chaos/properties/disconnect_after_chunks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.chaos.properties.disconnect_after_chunks.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.disconnect_after_chunks,data:data108};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
if((typeof data108 == "number") && (isFinite(data108))){
if(data108 < 0 || isNaN(data108)){
const err191 = {instancePath:instancePath+"/rules/" + i0+"/chaos/disconnect_after_chunks",schemaPath:"#/properties/rules/items/properties/chaos/properties/disconnect_after_chunks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.disconnect_after_chunks,data:data108};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
}
}
if(data103.stall_after_chunks !== undefined){
let data109 = data103.stall_after_chunks;
if(!(((typeof data109 == "number") && (!(data109 % 1) && !isNaN(data109))) && (isFinite(data109)))){
const err192 = {instancePath:instancePath+"/rules/" + i0+"/chaos/stall_after_chunks",schemaPath:"#/properties/rules/items/properties/chaos/properties/stall_after_chunks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.chaos.properties.stall_after_chunks.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.stall_after_chunks,data:data109};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
if((typeof data109 == "number") && (isFinite(data109))){
if(data109 < 0 || isNaN(data109)){
const err193 = {instancePath:instancePath+"/rules/" + i0+"/chaos/stall_after_chunks",schemaPath:"#/properties/rules/items/properties/chaos/properties/stall_after_chunks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.stall_after_chunks,data:data109};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
}
if(data103.stall_ms !== undefined){
let data110 = data103.stall_ms;
if(!(((typeof data110 == "number") && (!(data110 % 1) && !isNaN(data110))) && (isFinite(data110)))){
const err194 = {instancePath:instancePath+"/rules/" + i0+"/chaos/stall_ms",schemaPath:"#/properties/rules/items/properties/chaos/properties/stall_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.chaos.properties.stall_ms.type,parentSchema:schema11.properties.rules.items.properties.chaos.properties.stall_ms,data:data110};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
if((typeof data110 == "number") && (isFinite(data110))){
if(data110 > 600000 || isNaN(data110)){
const err195 = {instancePath:instancePath+"/rules/" + i0+"/chaos/stall_ms",schemaPath:"#/properties/rules/items/properties/chaos/properties/stall_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.chaos.properties.stall_ms,data:data110};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
if(data110 < 0 || isNaN(data110)){
const err196 = {instancePath:instancePath+"/rules/" + i0+"/chaos/stall_ms",schemaPath:"#/properties/rules/items/properties/chaos/properties/stall_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.chaos.properties.stall_ms,data:data110};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
}
}
else {
const err197 = {instancePath:instancePath+"/rules/" + i0+"/chaos",schemaPath:"#/properties/rules/items/properties/chaos/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.chaos.type,parentSchema:schema11.properties.rules.items.properties.chaos,data:data103};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
}
if(data9.times !== undefined){
let data111 = data9.times;
if((!(((typeof data111 == "number") && (!(data111 % 1) && !isNaN(data111))) && (isFinite(data111)))) && (data111 !== null)){
const err198 = {instancePath:instancePath+"/rules/" + i0+"/times",schemaPath:"#/properties/rules/items/properties/times/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.times.type},message:"must be integer,null",schema:schema11.properties.rules.items.properties.times.type,parentSchema:schema11.properties.rules.items.properties.times,data:data111};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
if((typeof data111 == "number") && (isFinite(data111))){
if(data111 < 1 || isNaN(data111)){
const err199 = {instancePath:instancePath+"/rules/" + i0+"/times",schemaPath:"#/properties/rules/items/properties/times/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.times,data:data111};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
}
}
if(data9.cycle !== undefined){
let data112 = data9.cycle;
if(typeof data112 !== "boolean"){
const err200 = {instancePath:instancePath+"/rules/" + i0+"/cycle",schemaPath:"#/properties/rules/items/properties/cycle/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.cycle.type,parentSchema:schema11.properties.rules.items.properties.cycle,data:data112};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
}
if(data9.recorded !== undefined){
let data113 = data9.recorded;
if(data113 && typeof data113 == "object" && !Array.isArray(data113)){
for(const key18 in data113){
if(!(((key18 === "request") || (key18 === "query")) || (key18 === "shape"))){
const err201 = {instancePath:instancePath+"/rules/" + i0+"/recorded",schemaPath:"#/properties/rules/items/properties/recorded/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.recorded,data:data113};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
}
if(data113.request !== undefined){
let data114 = data113.request;
if(!(data114 && typeof data114 == "object" && !Array.isArray(data114))){
const err202 = {instancePath:instancePath+"/rules/" + i0+"/recorded/request",schemaPath:"#/properties/rules/items/properties/recorded/properties/request/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.recorded.properties.request.type,parentSchema:schema11.properties.rules.items.properties.recorded.properties.request,data:data114};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
}
if(data113.query !== undefined){
let data115 = data113.query;
if(typeof data115 !== "string"){
const err203 = {instancePath:instancePath+"/rules/" + i0+"/recorded/query",schemaPath:"#/properties/rules/items/properties/recorded/properties/query/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.recorded.properties.query.type,parentSchema:schema11.properties.rules.items.properties.recorded.properties.query,data:data115};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
}
if(data113.shape !== undefined){
let data116 = data113.shape;
if(typeof data116 !== "string"){
const err204 = {instancePath:instancePath+"/rules/" + i0+"/recorded/shape",schemaPath:"#/properties/rules/items/properties/recorded/properties/shape/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.recorded.properties.shape.type,parentSchema:schema11.properties.rules.items.properties.recorded.properties.shape,data:data116};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
}
}
else {
const err205 = {instancePath:instancePath+"/rules/" + i0+"/recorded",schemaPath:"#/properties/rules/items/properties/recorded/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.recorded.type,parentSchema:schema11.properties.rules.items.properties.recorded,data:data113};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
}
}
else {
const err206 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.type,parentSchema:schema11.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
}
}
else {
const err207 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.type,parentSchema:schema11.properties.rules,data:data8};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
}
else {
const err208 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

